package org.cstrat.sim.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** Known answers against commons-math3 on the same data. */
class DistributionTest {
    private static double[] data(int n, long seed) {
        UniformRandomProvider r = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 1e6 + 5000 * (r.nextDouble() - 0.3) * (1 + r.nextDouble()); // large offset: tests numerical care
        }
        return v;
    }

    @Test
    void momentsAndQuantilesMatchCommonsMath() {
        for (int n : new int[] {1, 2, 3, 10, 101, 1000}) {
            double[] v = data(n, n);
            Distribution d = Distribution.of(v);
            DescriptiveStatistics ref = new DescriptiveStatistics(v);
            Percentile p = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
            assertEquals(ref.getMean(), d.mean(), 1e-9 * Math.abs(ref.getMean()), "mean n=" + n);
            double sd = n > 1 ? ref.getStandardDeviation() : 0.0;
            assertEquals(sd, d.sd(), 1e-9 * Math.max(1, sd), "sd n=" + n);
            assertEquals(sd / Math.sqrt(n), d.standardError(), 1e-9 * Math.max(1, sd));
            assertEquals(p.evaluate(v, 5), d.p5(), 1e-9 * 1e6, "p5 n=" + n);
            assertEquals(p.evaluate(v, 50), d.p50(), 1e-9 * 1e6, "p50 n=" + n);
            assertEquals(p.evaluate(v, 95), d.p95(), 1e-9 * 1e6, "p95 n=" + n);
            assertEquals(ref.getMin(), d.min(), 0.0);
            assertEquals(ref.getMax(), d.max(), 0.0);
        }
    }

    @Test
    void smallHandComputedCase() {
        Distribution d = Distribution.of(new double[] {-2, 4, 1, 3});
        assertEquals(1.5, d.mean(), 0.0);
        assertEquals(Math.sqrt(21.0 / 3), d.sd(), 1e-15);
        assertEquals(0.25, d.probabilityNegative(), 0.0);
        // type 7: h = 3 * 0.5 = 1.5 between sorted[1] = 1 and sorted[2] = 3
        assertEquals(2.0, d.p50(), 0.0);
        assertEquals(-2 + 0.15 * 3, d.p5(), 1e-15);
    }

    @Test
    void histogramCountsEveryValueOnce() {
        double[] v = data(1000, 3);
        Histogram h = Histogram.of(v, 30);
        assertEquals(30, h.counts().size());
        assertEquals(1000, h.total());
        Histogram flat = Histogram.of(new double[] {5, 5, 5}, 10);
        assertEquals(3, flat.counts().get(0));
    }

    @Test
    void fanChartTakesQuantilesPerPeriodAcrossReplications() {
        // 3 replications, 2 periods, stride 3 with offset 1.
        double[] data = {9, 1, 10, 9, 2, 20, 9, 3, 30};
        FanChart f = FanChart.of(data, 3, 3, 1, 2);
        assertEquals(2.0, f.points().get(0).p50(), 0.0);
        assertEquals(20.0, f.points().get(1).mean(), 0.0);
        assertEquals(10 + 0.05 * 2 * 10, f.points().get(1).p5(), 1e-12);
    }
}
