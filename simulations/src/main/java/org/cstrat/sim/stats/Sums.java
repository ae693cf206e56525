package org.cstrat.sim.stats;

/** Compensated (Neumaier) summation in index order: accurate and deterministic. */
public final class Sums {
    private Sums() {
    }

    public static double sum(double[] values, int from, int to) {
        double sum = 0;
        double c = 0;
        for (int i = from; i < to; i++) {
            double v = values[i];
            double t = sum + v;
            if (Math.abs(sum) >= Math.abs(v)) {
                c += (sum - t) + v;
            } else {
                c += (v - t) + sum;
            }
            sum = t;
        }
        return sum + c;
    }

    public static double mean(double[] values, int from, int to) {
        return sum(values, from, to) / (to - from);
    }
}
