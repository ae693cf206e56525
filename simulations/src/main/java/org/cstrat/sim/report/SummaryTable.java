package org.cstrat.sim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cstrat.sim.compare.HeatmapCell;
import org.cstrat.sim.compare.HeatmapResult;
import org.cstrat.sim.compare.TornadoBar;
import org.cstrat.sim.compare.TornadoResult;
import org.cstrat.framework.Architecture;
import org.cstrat.framework.Experience;
import org.cstrat.sim.engine.FrontierPoint;
import org.cstrat.sim.engine.PairwiseComparison;
import org.cstrat.sim.engine.SimulationResult;
import org.cstrat.sim.engine.StrategyResult;

/** Plain-text tables for a terminal (monospaced, ASCII only). */
public final class SummaryTable {
    private SummaryTable() {
    }

    public static String render(SimulationResult r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Scenario %s%s: %d replications%s, seed %d, engine %s; money in %s%n", r.scenario(),
                r.firm() == null ? "" : " (firm " + r.firm() + ")", r.replications(),
                r.stoppedEarly() ? " (stopped early at the target error, of " + r.replicationsRequested() + ")" : "",
                r.seed(), r.engineVersion(), r.currency()));
        List<String[]> rows = new ArrayList<>();
        String cur = " (" + r.currency() + ")";
        rows.add(new String[] {"strategy", "experience", "level", "billing", "NPV mean" + cur, "+/- SE", "P5", "P50", "P95", "P(NPV<0)",
            "revenue" + cur, "active end", "served %", "WTP/ep" + cur, "cost/ep" + cur});
        for (StrategyResult s : r.strategies()) {
            rows.add(new String[] {s.name(), s.experience().id(), Integer.toString(s.personalisationLevel().level()), s.billing().id(),
                money(s.npv().mean()), money(s.npv().standardError()), money(s.npv().p5()), money(s.npv().p50()), money(s.npv().p95()),
                pct(s.npv().probabilityNegative()), money(s.revenue().mean()), String.format(Locale.ROOT, "%.0f", s.activeAtEnd().mean()),
                pct(s.servedShare()), String.format(Locale.ROOT, "%.2f", s.wtpPerServedEpisode()),
                String.format(Locale.ROOT, "%.2f", s.costToServePerServedEpisode())});
        }
        table(b, rows);
        if (!r.comparisons().isEmpty()) {
            b.append(System.lineSeparator()).append("Comparisons on common random numbers (A - B):").append(System.lineSeparator());
            List<String[]> c = new ArrayList<>();
            c.add(new String[] {"A", "B", "mean diff (" + r.currency() + ")", "+/- SE", "P5", "P95", "P(A beats B)"});
            for (PairwiseComparison p : r.comparisons()) {
                c.add(new String[] {p.a(), p.b(), money(p.difference().mean()), money(p.difference().standardError()),
                    money(p.difference().p5()), money(p.difference().p95()), pct(p.probabilityABeatsB())});
            }
            table(b, c);
        }
        if (r.frontier().size() > 1) {
            b.append(System.lineSeparator()).append("Efficiency frontier vs ").append(r.strategies().get(0).name()).append(':')
                    .append(System.lineSeparator());
            List<String[]> f = new ArrayList<>();
            f.add(new String[] {"strategy", "WTP uplift", "cost-to-serve reduction", "efficient"});
            for (FrontierPoint p : r.frontier()) {
                f.add(new String[] {p.strategy(), pct(p.wtpUplift()), pct(p.costReduction()), p.efficient() ? "yes" : "no"});
            }
            table(b, f);
        }
        return b.toString();
    }

    public static String render(TornadoResult t) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "Tornado for %s / %s: +/-%.0f%%, %d replications each, base NPV %s %s%n",
                t.scenario(), t.strategy(), 100 * t.swing(), t.replications(), money(t.baseNpv()), t.currency()));
        List<String[]> rows = new ArrayList<>();
        String tc = " (" + t.currency() + ")";
        rows.add(new String[] {"parameter", "low", "high", "NPV at low" + tc, "NPV at high" + tc, "range" + tc});
        for (TornadoBar bar : t.bars()) {
            rows.add(new String[] {bar.parameter(), num(bar.lowValue()), num(bar.highValue()), money(bar.npvAtLow()), money(bar.npvAtHigh()),
                money(bar.range())});
        }
        table(b, rows);
        return b.toString();
    }

    public static String render(HeatmapResult h) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "Matrix heatmap for %s (from %s, reference price %.2f %s), mean NPV +/- SE in %s:%n",
                h.scenario(), h.baseStrategy(), h.referencePrice(), h.currency(), h.currency()));
        b.append(h.explanation()).append(System.lineSeparator());
        for (String m : h.merged()) {
            b.append(m).append(System.lineSeparator());
        }
        List<Architecture> shown = new ArrayList<>();
        for (Architecture a : Architecture.values()) {
            boolean mergedAway = false;
            for (Architecture into : Architecture.values()) {
                mergedAway |= into != a && h.mergedInto(a, into);
            }
            if (!mergedAway) {
                shown.add(a);
            }
        }
        List<String[]> rows = new ArrayList<>();
        String[] head = new String[shown.size() + 1];
        head[0] = "";
        for (int i = 0; i < shown.size(); i++) {
            Architecture a = shown.get(i);
            String label = a.id();
            for (Architecture other : Architecture.values()) {
                if (other != a && h.mergedInto(other, a)) {
                    label = other.id() + " = " + label;
                }
            }
            head[i + 1] = label;
        }
        rows.add(head);
        for (Experience e : Experience.values()) {
            String[] row = new String[head.length];
            row[0] = e.id();
            for (int i = 0; i < shown.size(); i++) {
                HeatmapCell c = h.cell(e, shown.get(i));
                row[i + 1] = money(c.npv().mean()) + " +/- " + money(c.npv().standardError()) + (c.ownStrategy() ? " *" : "");
            }
            rows.add(row);
        }
        table(b, rows);
        b.append("Billing per column (* = the strategy's own cell):").append(System.lineSeparator());
        for (int i = 0; i < shown.size(); i++) {
            Architecture a = shown.get(i);
            HeatmapCell mapped = null;
            for (Experience e : Experience.values()) {
                HeatmapCell c = h.cell(e, a);
                if (!c.ownStrategy() && mapped == null) {
                    mapped = c;
                }
            }
            if (mapped != null) {
                b.append(String.format(Locale.ROOT, "  %s: %s (a customer pays %.2f per episode), firm bears %.0f%% of fulfilment%n", head[i + 1],
                        mapped.billingTerms(), mapped.pricePerEpisode(), 100 * mapped.fulfilmentCostShare()));
            }
        }
        HeatmapCell own = h.ownCell();
        b.append(String.format(Locale.ROOT, "  * %s x %s: %s (a customer pays %.2f per episode), firm bears %.0f%% of fulfilment, %d replications%n",
                own.experience().id(), own.architecture().id(), own.billingTerms(), own.pricePerEpisode(),
                100 * own.fulfilmentCostShare(), own.npv().n()));
        return b.toString();
    }

    static void table(StringBuilder b, List<String[]> rows) {
        int cols = rows.get(0).length;
        int[] w = new int[cols];
        for (String[] r : rows) {
            for (int i = 0; i < cols; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        for (int k = 0; k < rows.size(); k++) {
            String[] r = rows.get(k);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < cols; i++) {
                String cell = r[i];
                boolean left = i == 0 || k == 0 || !cell.matches("[-+0-9.,%kM ]+.*");
                line.append(left ? pad(cell, w[i], true) : pad(cell, w[i], false)).append(i + 1 < cols ? "  " : "");
            }
            b.append(line.toString().stripTrailing()).append(System.lineSeparator());
            if (k == 0) {
                int total = 0;
                for (int x : w) {
                    total += x + 2;
                }
                b.append("-".repeat(total - 2)).append(System.lineSeparator());
            }
        }
    }

    private static String pad(String s, int width, boolean left) {
        String fill = " ".repeat(Math.max(0, width - s.length()));
        return left ? s + fill : fill + s;
    }

    static String money(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    static String pct(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f%%", 100 * v) : "n/a";
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
