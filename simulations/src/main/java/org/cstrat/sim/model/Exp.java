package org.cstrat.sim.model;

/**
 * e^x for the hot loop, within 2 ulp of {@link Math#exp}: a table of 2^(j/256) and the Taylor
 * polynomial of degree 4 on the remainder (|r| ≤ ln 2 / 512), the textbook reduction
 * x = (256m + j) · ln 2 / 256 + r. Unlike {@code Math.exp}, whose intrinsic is a call that makes the
 * compiled loop save and restore its floating-point registers, this is straight-line code that the
 * JIT inlines. Arguments outside ±708 (where the result leaves the normal range) and NaN go to
 * {@code Math.exp}.
 */
final class Exp {
    private static final int BITS = 8;
    private static final int N = 1 << BITS;
    private static final double N_OVER_LN2 = N / Math.log(2.0);
    /**
     * ln 2 / N in two parts, fdlibm's split of ln 2 divided by N (exact: a power of two): the high
     * part has 32 significant bits, so k · LN2_HI is exact for |k| < 2^21, and the two parts carry
     * ln 2 to about 2^-86.
     */
    private static final double LN2_HI = Double.longBitsToDouble(0x3fe62e42fee00000L) / N;
    private static final double LN2_LO = Double.longBitsToDouble(0x3dea39ef35793c76L) / N;
    private static final double[] TWO_TO_J_OVER_N = table();

    private Exp() {
    }

    private static double[] table() {
        double[] t = new double[N];
        for (int j = 0; j < N; j++) {
            t[j] = StrictMath.pow(2.0, j / (double) N);
        }
        return t;
    }

    static double exp(double x) {
        if (!(x > -708.0 && x < 708.0)) {
            return Math.exp(x);
        }
        final double kd = Math.rint(x * N_OVER_LN2);
        final int k = (int) kd;
        final double r = (x - kd * LN2_HI) - kd * LN2_LO;
        // Taylor to r^4: the first omitted term, r^5 / 120, is below 4e-17 (a third of an ulp) for |r| <= ln 2 / 512.
        final double p = r + r * r * (0.5 + r * (1.0 / 6 + r * (1.0 / 24)));
        final double t = TWO_TO_J_OVER_N[k & (N - 1)];
        final double scale = Double.longBitsToDouble((long) ((k >> BITS) + 1023) << 52);
        return (t + t * p) * scale;
    }
}
