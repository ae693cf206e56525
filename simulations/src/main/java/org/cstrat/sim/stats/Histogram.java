package org.cstrat.sim.stats;

import java.util.List;

/**
 * Equal-width histogram over [lower, upper]; the last bin is closed. Bin {@code i} covers
 * [lower + i width, lower + (i + 1) width).
 */
public record Histogram(double lower, double upper, List<Long> counts) {

    public static final int BINS_DEFAULT = 30;

    public Histogram {
        if (!(lower <= upper)) {
            throw new IllegalArgumentException("histogram lower must be <= upper, was " + lower + " > " + upper);
        }
        counts = List.copyOf(counts);
    }

    public static Histogram of(double[] values, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1, was " + bins);
        }
        if (values.length == 0) {
            return new Histogram(0, 0, List.of());
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        long[] c = new long[bins];
        double width = (hi - lo) / bins;
        for (double v : values) {
            int i = width > 0 ? (int) ((v - lo) / width) : 0;
            c[Math.min(Math.max(i, 0), bins - 1)]++;
        }
        Long[] boxed = new Long[bins];
        for (int i = 0; i < bins; i++) {
            boxed[i] = c[i];
        }
        return new Histogram(lo, hi, List.of(boxed));
    }

    public double binWidth() {
        return counts.isEmpty() ? 0 : (upper - lower) / counts.size();
    }

    public long total() {
        return counts.stream().mapToLong(Long::longValue).sum();
    }
}
