package org.cstrat.sim.stats;

import java.util.Arrays;

/**
 * Summary of one output over replications: mean, sample standard deviation, standard error of the
 * mean, P5/P50/P95, extremes, and the share of replications below zero. Computed from the stored
 * per-replication values in replication order, so it is exact and independent of thread count.
 */
public record Distribution(long n, double mean, double sd, double standardError,
                           double p5, double p50, double p95, double min, double max, double probabilityNegative) {

    public Distribution {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was " + n);
        }
    }

    public static Distribution of(double[] values) {
        return of(values, 0, values.length);
    }

    /** Summary of {@code values[from .. to)}. */
    public static Distribution of(double[] values, int from, int to) {
        int n = to - from;
        if (n <= 0) {
            return new Distribution(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = Sums.mean(values, from, to);
        double ss = 0;
        double comp = 0;
        long negative = 0;
        for (int i = from; i < to; i++) {
            double d = values[i] - mean;
            ss += d * d;
            comp += d;
            if (values[i] < 0) {
                negative++;
            }
        }
        // Two-pass with the correction term of Chan, Golub and LeVeque.
        double var = n > 1 ? Math.max(0.0, (ss - comp * comp / n) / (n - 1)) : 0.0;
        double sd = Math.sqrt(var);
        double[] sorted = Arrays.copyOfRange(values, from, to);
        Arrays.sort(sorted);
        return new Distribution(n, mean, sd, sd / Math.sqrt(n),
                Quantiles.ofSorted(sorted, 0.05), Quantiles.ofSorted(sorted, 0.50), Quantiles.ofSorted(sorted, 0.95),
                sorted[0], sorted[n - 1], (double) negative / n);
    }

    /** Standard error divided by |mean|; infinite when the mean is zero and the error is not. */
    public double relativeError() {
        if (standardError == 0) {
            return 0.0;
        }
        return standardError / Math.abs(mean);
    }
}
