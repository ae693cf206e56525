package org.cstrat.sim.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.cstrat.sim.compare.HeatmapCell;
import org.cstrat.sim.compare.HeatmapResult;
import org.cstrat.sim.compare.TornadoBar;
import org.cstrat.sim.compare.TornadoResult;
import org.cstrat.sim.engine.FrontierPoint;
import org.cstrat.sim.engine.PairwiseComparison;
import org.cstrat.sim.engine.SegmentResult;
import org.cstrat.sim.engine.SimulationResult;
import org.cstrat.sim.engine.StrategyResult;
import org.cstrat.sim.stats.Distribution;
import org.cstrat.sim.stats.FanChart;

/**
 * Writes results as one long CSV table (RFC 4180, header first), easy to pivot in a spreadsheet:
 * {@code section,strategy,item,period,n,mean,sd,se,p5,p25,p50,p75,p95,min,max,probability,currency}.
 * Empty cells where a column does not apply; {@code currency} (the scenario's ISO 4217 code) is filled on the rows
 * that are money (NPV, revenue, cost, CLV, prices, revenue per period, NPV differences) and empty on counts and shares.
 */
public final class CsvOutput {
    public static final String HEADER = "section,strategy,item,period,n,mean,sd,se,p5,p25,p50,p75,p95,min,max,probability,currency";

    private CsvOutput() {
    }

    public static String toCsv(SimulationResult r) {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        String cur = r.currency();
        for (StrategyResult s : r.strategies()) {
            dist(b, cur, "summary", s.name(), "npv", s.npv());
            dist(b, cur, "summary", s.name(), "revenue", s.revenue());
            dist(b, cur, "summary", s.name(), "cost", s.cost());
            dist(b, cur, "summary", s.name(), "active_at_end", s.activeAtEnd());
            dist(b, cur, "summary", s.name(), "served_episodes", s.servedEpisodes());
            value(b, cur, "share", s.name(), "recognised_share", s.recognisedShare());
            value(b, cur, "share", s.name(), "served_share", s.servedShare());
            value(b, cur, "share", s.name(), "auto_executed_share", s.autoExecutedShare());
            value(b, cur, "share", s.name(), "withdrawals_per_customer", s.withdrawalsPerCustomer());
            for (SegmentResult g : s.segments()) {
                dist(b, cur, "segment_clv", s.name(), g.name(), g.lifetimeValue());
                value(b, cur, "segment_price", s.name(), g.name(), g.meanPricePerServedEpisode());
            }
            value(b, cur, "price_dispersion", s.name(), "max_to_min_ratio", s.priceDispersion().maxToMinRatio());
            value(b, cur, "price_dispersion", s.name(), "coefficient_of_variation", s.priceDispersion().coefficientOfVariation());
            fan(b, cur, "fan_active", s.name(), s.activeCustomers());
            fan(b, cur, "fan_revenue", s.name(), s.revenuePerPeriod());
        }
        for (PairwiseComparison c : r.comparisons()) {
            String pair = c.a() + " - " + c.b();
            Distribution d = c.difference();
            row(b, cur, "comparison", pair, "npv_difference", "", d.n(), d.mean(), d.sd(), d.standardError(), d.p5(), Double.NaN, d.p50(),
                    Double.NaN, d.p95(), d.min(), d.max(), c.probabilityABeatsB());
        }
        for (FrontierPoint f : r.frontier()) {
            value(b, cur, "frontier", f.strategy(), "wtp_uplift", f.wtpUplift());
            value(b, cur, "frontier", f.strategy(), "cost_reduction", f.costReduction());
        }
        return b.toString();
    }

    public static String toCsv(TornadoResult t) {
        StringBuilder b = new StringBuilder("parameter,unit,base_value,low_value,high_value,npv_at_low,npv_at_high,npv_at_low_se,npv_at_high_se,range,currency\n");
        for (TornadoBar bar : t.bars()) {
            b.append(Csv.field(bar.parameter())).append(',').append(Csv.field(bar.unit())).append(',')
                    .append(num(bar.baseValue())).append(',').append(num(bar.lowValue())).append(',').append(num(bar.highValue())).append(',')
                    .append(num(bar.npvAtLow())).append(',').append(num(bar.npvAtHigh())).append(',')
                    .append(num(bar.npvAtLowStandardError())).append(',').append(num(bar.npvAtHighStandardError())).append(',')
                    .append(num(bar.range())).append(',').append(t.currency()).append('\n');
        }
        return b.toString();
    }

    public static String toCsv(HeatmapResult h) {
        StringBuilder b = new StringBuilder("experience,architecture,billing,billing_terms,price_per_episode,fulfilment_cost_share,own_strategy,same_as,n,npv_mean,npv_sd,npv_se,npv_p5,npv_p50,npv_p95,probability_negative,currency\n");
        for (HeatmapCell c : h.cells()) {
            Distribution d = c.npv();
            b.append(c.experience().id()).append(',').append(c.architecture().id()).append(',').append(c.billing().id()).append(',')
                    .append(Csv.field(c.billingTerms())).append(',').append(num(c.pricePerEpisode())).append(',')
                    .append(num(c.fulfilmentCostShare())).append(',').append(c.ownStrategy()).append(',')
                    .append(c.sameAs() == null ? "" : c.sameAs().id()).append(',')
                    .append(d.n()).append(',').append(num(d.mean())).append(',').append(num(d.sd())).append(',').append(num(d.standardError()))
                    .append(',').append(num(d.p5())).append(',').append(num(d.p50())).append(',').append(num(d.p95())).append(',')
                    .append(num(d.probabilityNegative())).append(',').append(h.currency()).append('\n');
        }
        return b.toString();
    }

    public static void write(SimulationResult r, Path file) {
        writeString(toCsv(r), file);
    }

    static void writeString(String s, Path file) {
        try {
            Files.writeString(file, s, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void dist(StringBuilder b, String cur, String section, String strategy, String item, Distribution d) {
        row(b, cur, section, strategy, item, "", d.n(), d.mean(), d.sd(), d.standardError(), d.p5(), Double.NaN, d.p50(), Double.NaN,
                d.p95(), d.min(), d.max(), d.probabilityNegative());
    }

    private static void value(StringBuilder b, String cur, String section, String strategy, String item, double v) {
        row(b, cur, section, strategy, item, "", -1, v, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    private static void fan(StringBuilder b, String cur, String section, String strategy, FanChart f) {
        for (FanChart.Point p : f.points()) {
            row(b, cur, section, strategy, "", Integer.toString(p.period()), -1, p.mean(), Double.NaN, Double.NaN, p.p5(), p.p25(), p.p50(),
                    p.p75(), p.p95(), Double.NaN, Double.NaN, Double.NaN);
        }
    }

    /** Whether a row of the long table is an amount of money. */
    static boolean isMoney(String section, String item) {
        return switch (section) {
            case "summary" -> item.equals("npv") || item.equals("revenue") || item.equals("cost");
            case "segment_clv", "segment_price", "fan_revenue", "comparison" -> true;
            default -> false;
        };
    }

    private static void row(StringBuilder b, String cur, String section, String strategy, String item, String period, long n, double mean, double sd,
                            double se, double p5, double p25, double p50, double p75, double p95, double min, double max, double prob) {
        b.append(section).append(',').append(Csv.field(strategy)).append(',').append(Csv.field(item)).append(',').append(period).append(',')
                .append(n < 0 ? "" : Long.toString(n)).append(',')
                .append(num(mean)).append(',').append(num(sd)).append(',').append(num(se)).append(',')
                .append(num(p5)).append(',').append(num(p25)).append(',').append(num(p50)).append(',').append(num(p75)).append(',')
                .append(num(p95)).append(',').append(num(min)).append(',').append(num(max)).append(',').append(num(prob)).append(',')
                .append(isMoney(section, item) ? cur : "").append('\n');
    }

    static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.10g", v).replaceFirst("\\.?0+(e|$)", "$1") : "";
    }

}
