package org.cstrat.sim.stats;

import java.util.Arrays;

/**
 * Sample quantiles by linear interpolation between order statistics (Hyndman and Fan type 7, the
 * default of R and NumPy, and commons-math3's {@code Percentile.EstimationType.R_7}).
 */
public final class Quantiles {
    private Quantiles() {
    }

    /** Quantile {@code p} in [0, 1] of values already sorted ascending. */
    public static double ofSorted(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be in [0, 1], was " + p);
        }
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Quantile of unsorted values (copies and sorts). */
    public static double of(double[] values, double p) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return ofSorted(copy, p);
    }
}
