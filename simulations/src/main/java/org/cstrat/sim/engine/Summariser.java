package org.cstrat.sim.engine;

import java.util.ArrayList;
import java.util.List;
import org.cstrat.sim.model.BillingModel;
import org.cstrat.sim.model.ModelParameters;
import org.cstrat.sim.model.OutputLayout;
import org.cstrat.sim.model.Pricing;
import org.cstrat.sim.model.Scenario;
import org.cstrat.sim.model.Segment;
import org.cstrat.sim.model.Strategy;
import org.cstrat.sim.stats.Distribution;
import org.cstrat.sim.stats.FanChart;
import org.cstrat.sim.stats.Histogram;
import org.cstrat.sim.stats.Sums;

/** Turns raw per-replication outputs into the result records; pure and deterministic. */
final class Summariser {
    private Summariser() {
    }

    static SimulationResult summarise(Scenario scenario, PartialResult all, boolean stoppedEarly, long elapsedMillis) {
        if (all.replications() == 0) {
            throw new IllegalArgumentException("cannot summarise zero replications");
        }
        List<StrategyResult> strategies = new ArrayList<>();
        for (int s = 0; s < scenario.strategies().size(); s++) {
            strategies.add(strategy(scenario, scenario.strategies().get(s), all, s));
        }
        List<PairwiseComparison> comparisons = new ArrayList<>();
        for (int j = 1; j < strategies.size(); j++) {
            for (int i = 0; i < j; i++) {
                comparisons.add(compare(all, j, i));
            }
        }
        return new SimulationResult(scenario.name(), scenario.firm(), scenario.run().seed(), scenario.run().replications(),
                all.replications(), stoppedEarly, SimulationEngine.VERSION, elapsedMillis, strategies, comparisons,
                frontier(strategies), scenario.currency());
    }

    /** Difference of strategy {@code a} minus strategy {@code b}, replication by replication. */
    static PairwiseComparison compare(PartialResult all, int a, int b) {
        double[] x = all.column(a, OutputLayout.NPV);
        double[] y = all.column(b, OutputLayout.NPV);
        double[] d = new double[x.length];
        long wins = 0;
        long ties = 0;
        for (int r = 0; r < d.length; r++) {
            d[r] = x[r] - y[r];
            if (x[r] > y[r]) {
                wins++;
            } else if (x[r] == y[r]) {
                ties++;
            }
        }
        return new PairwiseComparison(all.strategies().get(a), all.strategies().get(b), Distribution.of(d),
                Histogram.of(d, Histogram.BINS_DEFAULT), (double) wins / d.length, (double) ties / d.length);
    }

    private static StrategyResult strategy(Scenario scenario, Strategy strategy, PartialResult all, int s) {
        OutputLayout layout = all.layout();
        int n = all.replications();
        double[] npv = all.column(s, OutputLayout.NPV);
        double episodes = total(all, s, OutputLayout.EPISODES);
        double served = total(all, s, OutputLayout.SERVED);
        double customers = total(all, s, OutputLayout.CUSTOMERS);

        ModelParameters p = scenario.parameters();
        List<SegmentResult> segments = new ArrayList<>();
        double[] meanPrice = new double[p.segments().size()];
        double[] segServed = new double[p.segments().size()];
        for (int g = 0; g < p.segments().size(); g++) {
            Segment seg = p.segments().get(g);
            long count = seg.customersOver(p.periods());
            double[] clv = all.column(s, layout.segment(g, OutputLayout.SEG_MARGIN));
            for (int r = 0; r < n; r++) {
                clv[r] = count > 0 ? clv[r] / count : 0.0;
            }
            segServed[g] = total(all, s, layout.segment(g, OutputLayout.SEG_SERVED));
            double priceSum = total(all, s, layout.segment(g, OutputLayout.SEG_PRICE_SUM));
            meanPrice[g] = segServed[g] > 0 ? priceSum / segServed[g] : Double.NaN;
            segments.add(new SegmentResult(seg.name(), count, Distribution.of(clv), meanPrice[g],
                    count > 0 ? segServed[g] / ((double) count * n) : 0.0));
        }

        return new StrategyResult(strategy.name(), strategy.experience(), strategy.personalisationLevel(),
                strategy.billing().kind(),
                Distribution.of(npv), Histogram.of(npv, Histogram.BINS_DEFAULT),
                Distribution.of(all.column(s, OutputLayout.REVENUE)),
                Distribution.of(all.column(s, OutputLayout.COST)),
                Distribution.of(all.column(s, OutputLayout.ACTIVE_END)),
                Distribution.of(all.column(s, OutputLayout.SERVED)),
                ratio(total(all, s, OutputLayout.RECOGNISED), episodes),
                ratio(served, episodes),
                ratio(total(all, s, OutputLayout.AUTO_EXECUTED), served),
                ratio(total(all, s, OutputLayout.WITHDRAWALS), customers),
                ratio(total(all, s, OutputLayout.WTP_SUM), served),
                ratio(total(all, s, OutputLayout.SERVE_COST), served),
                FanChart.of(all.raw(s), n, layout.stride(), layout.activeAt(0), layout.periods()),
                FanChart.of(all.raw(s), n, layout.stride(), layout.revenueAt(0), layout.periods()),
                segments,
                dispersion(p, strategy, meanPrice, segServed));
    }

    private static PriceDispersion dispersion(ModelParameters p, Strategy strategy, double[] meanPrice, double[] weight) {
        List<PriceDispersion.SegmentPrice> rows = new ArrayList<>();
        boolean binding = false;
        double cap = Double.NaN;
        double meanRate = Pricing.meanEpisodeRate(p.segments(), p.periods());
        for (int g = 0; g < p.segments().size(); g++) {
            Segment seg = p.segments().get(g);
            double rawMin = 1;
            double rawMax = 1;
            double appMin = 1;
            double appMax = 1;
            if (strategy.billing() instanceof BillingModel.PersonalisedPricing pp) {
                cap = pp.fairnessCap();
                rawMin = appMin = Double.POSITIVE_INFINITY;
                rawMax = appMax = Double.NEGATIVE_INFINITY;
                for (int tenure = 0; tenure < p.periods(); tenure++) {
                    double raw = Pricing.rawMultiplier(pp, seg, meanRate, tenure);
                    double applied = Pricing.guardedMultiplier(pp, seg, meanRate, tenure);
                    rawMin = Math.min(rawMin, raw);
                    rawMax = Math.max(rawMax, raw);
                    appMin = Math.min(appMin, applied);
                    appMax = Math.max(appMax, applied);
                    binding |= raw != applied;
                }
            }
            rows.add(new PriceDispersion.SegmentPrice(seg.name(), meanPrice[g], rawMin, rawMax, appMin, appMax));
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double w = 0;
        double m = 0;
        for (int g = 0; g < meanPrice.length; g++) {
            if (weight[g] > 0 && Double.isFinite(meanPrice[g])) {
                lo = Math.min(lo, meanPrice[g]);
                hi = Math.max(hi, meanPrice[g]);
                w += weight[g];
                m += weight[g] * meanPrice[g];
            }
        }
        double ratio = Double.NaN;
        double cv = Double.NaN;
        if (w > 0) {
            m /= w;
            double v = 0;
            for (int g = 0; g < meanPrice.length; g++) {
                if (weight[g] > 0 && Double.isFinite(meanPrice[g])) {
                    v += weight[g] * (meanPrice[g] - m) * (meanPrice[g] - m);
                }
            }
            ratio = lo > 0 ? hi / lo : (hi == 0 ? 1.0 : Double.POSITIVE_INFINITY);
            cv = m > 0 ? Math.sqrt(v / w) / m : 0.0;
        }
        return new PriceDispersion(rows, ratio, cv, cap, binding);
    }

    static List<FrontierPoint> frontier(List<StrategyResult> strategies) {
        StrategyResult base = strategies.get(0);
        double w0 = base.wtpPerServedEpisode();
        double c0 = base.costToServePerServedEpisode();
        double[] up = new double[strategies.size()];
        double[] red = new double[strategies.size()];
        for (int i = 0; i < up.length; i++) {
            StrategyResult s = strategies.get(i);
            up[i] = w0 > 0 ? s.wtpPerServedEpisode() / w0 - 1.0 : Double.NaN;
            red[i] = c0 > 0 ? 1.0 - s.costToServePerServedEpisode() / c0 : Double.NaN;
        }
        List<FrontierPoint> out = new ArrayList<>();
        for (int i = 0; i < up.length; i++) {
            boolean efficient = true;
            for (int j = 0; j < up.length; j++) {
                if (j != i && up[j] >= up[i] && red[j] >= red[i] && (up[j] > up[i] || red[j] > red[i])) {
                    efficient = false;
                }
            }
            StrategyResult s = strategies.get(i);
            out.add(new FrontierPoint(s.name(), s.wtpPerServedEpisode(), s.costToServePerServedEpisode(), up[i], red[i], efficient));
        }
        return out;
    }

    private static double total(PartialResult all, int s, int index) {
        double[] col = all.column(s, index);
        return Sums.sum(col, 0, col.length);
    }

    private static double ratio(double a, double b) {
        return b > 0 ? a / b : 0.0;
    }
}
