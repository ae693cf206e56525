package org.cstrat.sim.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cstrat.sim.optimise.OptimisationResult;
import org.cstrat.sim.optimise.OptimisationResult.Candidate;
import org.cstrat.sim.optimise.OptimisationResult.ConstraintCheck;
import org.cstrat.sim.optimise.OptimisationResult.Range;
import org.cstrat.sim.optimise.OptimisationResult.TracePoint;

/**
 * An {@link OptimisationResult} as a terminal table, a long CSV table and JSON ({@link JsonOutput}). The CSV's columns:
 * {@value #HEADER}; sections {@code summary}, {@code decision}, {@code objective}, {@code constraint}, {@code near_optimal}
 * and {@code search} (one row per search evaluation and decision, plus its objective).
 */
public final class OptimisationReport {
    public static final String HEADER = "section,candidate,item,value,low,high,held,currency";

    private OptimisationReport() {
    }

    /** The summary table. */
    public static String render(OptimisationResult r) {
        StringBuilder b = new StringBuilder();
        String nl = System.lineSeparator();
        b.append(String.format(Locale.ROOT, "Optimisation of '%s' in %s: maximise %s; money in %s%n", r.strategy(), r.scenario(),
                r.objective(), r.currency()));
        b.append(String.format(Locale.ROOT, "Status: %s%s%n", r.status(), r.status() == OptimisationResult.Status.INFEASIBLE
                ? " (no finalist met every constraint; the least-violating candidate is shown)" : ""));
        b.append(String.format(Locale.ROOT, "Search: %d evaluations x %d replications on common random numbers (seed %d), %.1f "
                        + "evaluations/s; re-evaluation: %d replications on fresh streams (seed %d); %d simulations in %.1f s, engine %s%n",
                r.search().size(), r.searchReplications(), r.seed(), r.evaluationsPerSecond(), r.finalReplications(), r.finalSeed(),
                r.evaluations(), r.elapsedMillis() / 1000.0, r.engineVersion()));
        b.append("Method: ").append(r.method()).append(nl).append(nl);
        List<String[]> rows = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of("candidate"));
        head.addAll(r.decisions());
        head.addAll(List.of(r.objective() + " (" + r.currency() + ")", "95% interval", "mean NPV"));
        for (ConstraintCheck c : r.best().constraints()) {
            head.add(c.constraint());
        }
        rows.add(head.toArray(String[]::new));
        rows.add(row("best", r.best()));
        rows.add(row("current", r.current()));
        for (int i = 0; i < r.runnersUp().size(); i++) {
            rows.add(row("runner-up " + (i + 1), r.runnersUp().get(i)));
        }
        SummaryTable.table(b, rows);
        b.append(nl).append(r.currentIsBest() ? "The current strategy is the best candidate found."
                : String.format(Locale.ROOT, "P(best beats current): %s of %d fresh replications (paired on common random numbers)",
                SummaryTable.pct(r.probabilityBestBeatsCurrent()), r.best().replications())).append(nl);
        for (Range range : r.nearOptimal()) {
            b.append(String.format(Locale.ROOT, "Near-optimal %s: %s to %s (search best %s)%n", range.parameter(), num(range.low()),
                    num(range.high()), num(range.best())));
        }
        return b.toString();
    }

    private static String[] row(String label, Candidate c) {
        List<String> out = new ArrayList<>(List.of(label));
        out.addAll(c.values());
        out.add(SummaryTable.money(c.objective()));
        out.add(SummaryTable.money(c.low()) + " .. " + SummaryTable.money(c.high()));
        out.add(SummaryTable.money(c.meanNpv()));
        for (ConstraintCheck k : c.constraints()) {
            out.add(num(k.value()) + (k.held() ? " ok" : " MISSED"));
        }
        return out.toArray(String[]::new);
    }

    /** The long CSV table. */
    public static String toCsv(OptimisationResult r) {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        String cur = r.currency();
        line(b, "summary", "", "status", r.status().name(), "", "", "", "");
        line(b, "summary", "", "objective", r.objective(), "", "", "", "");
        line(b, "summary", "", "probability_best_beats_current", num(r.probabilityBestBeatsCurrent()), "", "", "", "");
        line(b, "summary", "", "evaluations", Integer.toString(r.evaluations()), "", "", "", "");
        line(b, "summary", "", "evaluations_per_second", num(r.evaluationsPerSecond()), "", "", "", "");
        line(b, "summary", "", "seed", Long.toString(r.seed()), "", "", "", "");
        line(b, "summary", "", "final_seed", Long.toString(r.finalSeed()), "", "", "", "");
        candidate(b, "best", r, r.best(), cur);
        candidate(b, "current", r, r.current(), cur);
        for (int i = 0; i < r.runnersUp().size(); i++) {
            candidate(b, "runner-up " + (i + 1), r, r.runnersUp().get(i), cur);
        }
        for (Range range : r.nearOptimal()) {
            line(b, "near_optimal", "", range.parameter(), num(range.best()), num(range.low()), num(range.high()), "", "");
        }
        for (TracePoint t : r.search()) {
            String id = Integer.toString(t.index());
            for (int i = 0; i < t.values().size(); i++) {
                line(b, "search", id, r.decisions().get(i), t.values().get(i), "", "", "", "");
            }
            line(b, "search", id, "objective", num(t.objective()), "", "", Boolean.toString(t.feasible()), cur);
        }
        return b.toString();
    }

    private static void candidate(StringBuilder b, String label, OptimisationResult r, Candidate c, String cur) {
        for (int i = 0; i < c.values().size(); i++) {
            line(b, "decision", label, r.decisions().get(i), c.values().get(i), "", "", "", "");
        }
        line(b, "objective", label, r.objective(), num(c.objective()), num(c.low()), num(c.high()), Boolean.toString(c.feasible()), cur);
        line(b, "objective", label, "mean NPV", num(c.meanNpv()), "", "", "", cur);
        for (ConstraintCheck k : c.constraints()) {
            line(b, "constraint", label, k.constraint(), num(k.value()), "", num(k.limit()), Boolean.toString(k.held()), "");
        }
    }

    private static void line(StringBuilder b, String section, String candidate, String item, String value, String low, String high,
                             String held, String currency) {
        b.append(section).append(',').append(Csv.field(candidate)).append(',').append(Csv.field(item)).append(',')
                .append(Csv.field(value)).append(',').append(low).append(',').append(high).append(',').append(held).append(',')
                .append(currency).append('\n');
    }

    private static String num(double v) {
        return Double.isFinite(v) ? (v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.6g", v)) : "";
    }

    /** Writes {@code .csv} as the long table, anything else as JSON. */
    public static void write(OptimisationResult r, Path file) {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            try {
                Files.writeString(file, toCsv(r), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
        } else {
            JsonOutput.write(r, file);
        }
    }
}
