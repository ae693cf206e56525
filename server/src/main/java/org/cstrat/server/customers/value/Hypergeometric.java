package org.cstrat.server.customers.value;

import org.apache.commons.math3.special.Gamma;

/**
 * The Gaussian hypergeometric function {@code 2F1(a, b; c; z)} for real arguments and real {@code z <= 1},
 * as needed by the BG/NBD conditional expectation (Fader, Hardie &amp; Lee 2005, eq. 10).
 *
 * <p>Method. The defining power series {@code sum_k (a)_k (b)_k / ((c)_k k!) z^k} (Abramowitz &amp; Stegun
 * 15.1.1) converges for {@code |z| < 1}. Its terms behave like {@code k^(a+b-c-1) z^k}, so it converges slowly
 * when {@code z} is close to 1. Two classical transformations (A&amp;S 15.3.4 and 15.3.3) keep it well behaved:
 * <ul>
 *   <li>{@code z < 0}: Pfaff, {@code 2F1(a,b;c;z) = (1-z)^-a 2F1(a, c-b; c; z/(z-1))}, whose argument lies
 *       in (0, 1) and whose terms no longer alternate;</li>
 *   <li>{@code 0 <= z < 1} and {@code c-a-b < 0}: Euler, {@code 2F1(a,b;c;z) = (1-z)^(c-a-b) 2F1(c-a, c-b; c; z)},
 *       whose terms decay like {@code k^(c-a-b-1) z^k}, i.e. algebraically even at {@code z = 1};</li>
 *   <li>{@code z >= }{@value #NEAR_ONE}: the linear transformation to {@code 1-z} (A&amp;S 15.3.6, DLMF 15.8.4),
 *       whose two series in {@code 1-z <= 0.1} converge fast however close {@code z} is to 1; it is used unless
 *       {@code c-a-b} is within {@value #INTEGER_GUARD} of an integer (where its Gamma factors have poles that
 *       cancel), in which case the series above are summed instead;</li>
 *   <li>{@code z = 1} with {@code c-a-b > 0}: Gauss's theorem (A&amp;S 15.1.20).</li>
 * </ul>
 * The series is summed with Neumaier compensation and stopped when a rigorous geometric bound on the remaining
 * tail (from monotone bounds on the ratio of consecutive terms) is below {@code 1e-16} of the sum. A series that has not
 * met this test after {@link #MAX_TERMS} terms raises {@link ArithmeticException} rather than returning an
 * unconverged value.
 *
 * <p>References: M. Abramowitz &amp; I. A. Stegun (1964), <i>Handbook of Mathematical Functions</i>, ch. 15;
 * NIST DLMF &sect;15.2, &sect;15.8.
 */
public final class Hypergeometric {

    /** Maximum number of series terms before giving up. */
    public static final int MAX_TERMS = 5_000_000;

    /** Relative tolerance on the remaining tail of the series. */
    static final double TOLERANCE = 1e-16;

    /** From this z on, the transformation to 1-z is used (when c-a-b is not close to an integer). */
    public static final double NEAR_ONE = 0.9;

    /** Distance of c-a-b from an integer below which the 1-z transformation is not used. */
    public static final double INTEGER_GUARD = 1e-3;

    private Hypergeometric() {
    }

    /**
     * {@code 2F1(a, b; c; z)}.
     *
     * @throws IllegalArgumentException if an argument is not finite, {@code z > 1}, {@code z = 1} with
     *                                  {@code c-a-b <= 0} (divergent), or {@code c} is a non-positive integer
     *                                  that does not terminate the series first
     * @throws ArithmeticException      if the series does not converge within {@link #MAX_TERMS} terms
     */
    public static double hyp2f1(double a, double b, double c, double z) {
        if (!Double.isFinite(a) || !Double.isFinite(b) || !Double.isFinite(c) || !Double.isFinite(z)) {
            throw new IllegalArgumentException("2F1 arguments must be finite: a=" + a + ", b=" + b + ", c=" + c
                    + ", z=" + z);
        }
        if (z > 1) {
            throw new IllegalArgumentException("2F1 is only implemented for real z <= 1, was z=" + z);
        }
        if (z == 0 || a == 0 || b == 0) {
            return 1.0;
        }
        if (z == 1) {
            double s = c - a - b;
            if (s <= 0) {
                throw new IllegalArgumentException("2F1(a,b;c;1) diverges when c-a-b <= 0: a=" + a + ", b=" + b
                        + ", c=" + c);
            }
            return gaussAtOne(a, b, c);
        }
        if (z < 0) {
            // Pfaff transformation: argument moves into (0, 1); exact, no cancellation.
            double w = z / (z - 1);
            return powTimesHyp2f1(a, a, c - b, c, w, 1 / (1 - z)); // (1-z)^-a = (1-w)^a, 1-w = 1/(1-z)
        }
        return powTimesHyp2f1(0, a, b, c, z, 1 - z);
    }

    /**
     * {@code (1-z)^p 2F1(a, b; c; z)} for {@code 0 <= z < 1}, with the power folded into the evaluation so that
     * neither factor overflows on its own.
     *
     * @param oneMinusZ {@code 1-z}, passed in so that callers can compute it without cancellation
     */
    static double powTimesHyp2f1(double p, double a, double b, double c, double z, double oneMinusZ) {
        double lnOneMinusZ = Math.log(oneMinusZ);
        if (z == 0 || a == 0 || b == 0) {
            return Math.exp(p * lnOneMinusZ);
        }
        if (isNonPositiveInteger(c) && !terminatesBefore(a, c) && !terminatesBefore(b, c)) {
            throw new IllegalArgumentException("2F1 is undefined for c a non-positive integer, c=" + c);
        }
        double s = c - a - b;
        if (z >= NEAR_ONE && Math.abs(s - Math.rint(s)) >= INTEGER_GUARD
                && !isNonPositiveInteger(a) && !isNonPositiveInteger(b)) {
            return nearOne(p, a, b, c, oneMinusZ, lnOneMinusZ);
        }
        if (s < 0 && !isNonPositiveInteger(a) && !isNonPositiveInteger(b)) {
            // Euler transformation: faster-decaying terms and no large intermediate sum.
            return Math.exp((p + s) * lnOneMinusZ) * series(c - a, c - b, c, z);
        }
        return Math.exp(p * lnOneMinusZ) * series(a, b, c, z);
    }

    /**
     * {@code (1-z)^p 2F1(a,b;c;z)} by A&amp;S 15.3.6 (DLMF 15.8.4), for {@code c-a-b = s} not an integer:
     * <pre>
     *   2F1(a,b;c;z) = G(c)G(s)/(G(c-a)G(c-b)) 2F1(a, b; 1-s; 1-z)
     *                + (1-z)^s G(c)G(-s)/(G(a)G(b)) 2F1(c-a, c-b; 1+s; 1-z)
     * </pre>
     * with the Gamma ratios and powers combined in log space.
     */
    private static double nearOne(double p, double a, double b, double c, double w, double lnOneMinusZ) {
        double s = c - a - b;
        double first = 0;
        if (!isNonPositiveInteger(c - a) && !isNonPositiveInteger(c - b)) {
            double sign = gammaSign(c) * gammaSign(s) * gammaSign(c - a) * gammaSign(c - b);
            double log = logAbsGamma(c) + logAbsGamma(s) - logAbsGamma(c - a) - logAbsGamma(c - b) + p * lnOneMinusZ;
            first = sign * Math.exp(log) * series(a, b, 1 - s, w);
        }
        double sign = gammaSign(c) * gammaSign(-s) * gammaSign(a) * gammaSign(b);
        double log = logAbsGamma(c) + logAbsGamma(-s) - logAbsGamma(a) - logAbsGamma(b) + (p + s) * lnOneMinusZ;
        double second = sign * Math.exp(log) * series(c - a, c - b, 1 + s, w);
        return first + second;
    }

    /** Whether the series in a terminates (a a non-positive integer) before the pole of (c)_k is reached. */
    private static boolean terminatesBefore(double a, double c) {
        return isNonPositiveInteger(a) && a > c;
    }

    /** Gauss's sum {@code 2F1(a,b;c;1) = G(c) G(c-a-b) / (G(c-a) G(c-b))} for {@code c-a-b > 0}. */
    private static double gaussAtOne(double a, double b, double c) {
        if (isNonPositiveInteger(c)) {
            throw new IllegalArgumentException("2F1 is undefined for c a non-positive integer, c=" + c);
        }
        if (isNonPositiveInteger(c - a) || isNonPositiveInteger(c - b)) {
            return 0.0;
        }
        double sign = gammaSign(c) * gammaSign(c - a - b) * gammaSign(c - a) * gammaSign(c - b);
        return sign * Math.exp(logAbsGamma(c) + logAbsGamma(c - a - b) - logAbsGamma(c - a) - logAbsGamma(c - b));
    }

    /**
     * The power series {@code sum_k (a)_k (b)_k / ((c)_k k!) z^k} for {@code 0 <= z < 1}.
     */
    static double series(double a, double b, double c, double z) {
        return sumFrom(a, b, c, z, 0, 1.0);
    }

    /**
     * {@code sum_{k >= k0} t_k} where {@code t_k0 = termK0} and {@code t_{k+1} = t_k (a+k)(b+k) / ((c+k)(k+1)) z},
     * for {@code 0 <= z < 1}. With {@code k0 = 0, termK0 = 1} this is the 2F1 series; other starting points
     * let callers sum series that differ from 2F1 by a removable factor (see {@link BgNbdParameters}).
     */
    static double sumFrom(double a, double b, double c, double z, int k0, double termK0) {
        if (!(z >= 0 && z < 1)) {
            throw new IllegalArgumentException("series argument must be in [0, 1), was " + z);
        }
        double term = termK0;
        double sum = termK0;
        double compensation = 0.0;
        // From this index on, a+j, b+j and c+j are all positive, so the bound below is valid.
        double positiveFrom = Math.max(Math.max(-a, -b), -c);
        for (int k = k0; k < k0 + MAX_TERMS; k++) {
            if (term == 0) {
                return sum + compensation; // terminating (polynomial) series, or underflow
            }
            double denominator = (c + k) * (k + 1);
            if (denominator == 0) {
                throw new IllegalArgumentException("2F1 is undefined for c a non-positive integer, c=" + c);
            }
            term *= (a + k) * (b + k) / denominator * z;
            // Neumaier compensated summation
            double t = sum + term;
            compensation += Math.abs(sum) >= Math.abs(term) ? (sum - t) + term : (term - t) + sum;
            sum = t;
            double total = sum + compensation;
            if (!Double.isFinite(total)) {
                throw new ArithmeticException("2F1 series overflowed: a=" + a + ", b=" + b + ", c=" + c + ", z=" + z);
            }
            int j = k + 1; // the next ratio is t_{j+1} / t_j
            if (j > positiveFrom) {
                double bound = z * ratioBound(a, b, c, j);
                if (bound < 1 && Math.abs(term) * bound / (1 - bound) <= TOLERANCE * Math.abs(total)) {
                    return total;
                }
            }
        }
        throw new ArithmeticException("2F1 series did not converge within " + MAX_TERMS + " terms: a=" + a
                + ", b=" + b + ", c=" + c + ", z=" + z);
    }

    /**
     * An upper bound, valid for every {@code i >= j} when {@code a+j, b+j, c+j > 0}, of
     * {@code (a+i)(b+i) / ((c+i)(1+i))}. Each of {@code (a+i)/(1+i)}, {@code (b+i)/(c+i)}, {@code (a+i)/(c+i)} and
     * {@code (b+i)/(1+i)} is monotone in i with limit 1, so its supremum over {@code i >= j} is
     * {@code max(value at j, 1)}; the tighter of the two pairings is returned.
     */
    private static double ratioBound(double a, double b, double c, int j) {
        double pairing1 = Math.max((a + j) / (1.0 + j), 1) * Math.max((b + j) / (c + j), 1);
        double pairing2 = Math.max((a + j) / (c + j), 1) * Math.max((b + j) / (1.0 + j), 1);
        return Math.min(pairing1, pairing2);
    }

    static boolean isNonPositiveInteger(double v) {
        return v <= 0 && v == Math.rint(v);
    }

    private static double logAbsGamma(double v) {
        if (v > 0) {
            return Gamma.logGamma(v);
        }
        // reflection: |G(v)| = pi / (|sin(pi v)| G(1-v))
        return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * v))) - Gamma.logGamma(1 - v);
    }

    private static double gammaSign(double v) {
        if (v > 0) {
            return 1.0;
        }
        return ((long) Math.floor(v)) % 2 == 0 ? 1.0 : -1.0;
    }
}
