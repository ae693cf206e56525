package org.cstrat.sim.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Per-period quantiles across replications of a time series (active customers, revenue). */
public record FanChart(List<Point> points) {

    /** One period's band. */
    public record Point(int period, double mean, double p5, double p25, double p50, double p75, double p95) {
    }

    public FanChart {
        points = List.copyOf(points);
    }

    /**
     * Fan chart of series stored per replication: value of period t of replication r is
     * {@code data[r * stride + offset + t]}.
     */
    public static FanChart of(double[] data, int replications, int stride, int offset, int periods) {
        List<Point> out = new ArrayList<>(periods);
        double[] column = new double[replications];
        for (int t = 0; t < periods; t++) {
            for (int r = 0; r < replications; r++) {
                column[r] = data[r * stride + offset + t];
            }
            double mean = Sums.mean(column, 0, replications);
            double[] sorted = column.clone();
            Arrays.sort(sorted);
            out.add(new Point(t, mean, Quantiles.ofSorted(sorted, 0.05), Quantiles.ofSorted(sorted, 0.25),
                    Quantiles.ofSorted(sorted, 0.5), Quantiles.ofSorted(sorted, 0.75), Quantiles.ofSorted(sorted, 0.95)));
        }
        return new FanChart(out);
    }
}
