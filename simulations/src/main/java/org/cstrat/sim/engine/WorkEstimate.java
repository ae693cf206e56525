package org.cstrat.sim.engine;

import org.cstrat.input.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cstrat.sim.model.Checks;
import org.cstrat.sim.model.ModelParameters;
import org.cstrat.sim.model.OutputLayout;
import org.cstrat.sim.model.RunSettings;
import org.cstrat.sim.model.Scenario;
import org.cstrat.sim.model.Segment;

/**
 * What a simulation job will cost before it runs, so that the server and the CLI can refuse it in time: its
 * <b>work</b> in customer-periods and its peak <b>heap</b> in bytes, phase by phase (the main run, then the
 * tornado's and the heatmap's evaluations).
 *
 * <p><b>Work</b> of one replication of one strategy is the customer-periods simulated if nobody churned (an
 * upper bound): for every segment {@code initialCustomers · T + newCustomersPerPeriod · T(T-1)/2} (an arrival
 * at the start of period {@code a} stays at most {@code T - a} periods), times {@code max(1, episodeRate)}
 * because the engine's time per customer-period grows with the episodes in it. A phase's work is that times
 * replications × strategies × evaluations.
 *
 * <p><b>Heap</b> of a phase (see {@link SimulationEngine}, {@link PartialResult} and the summariser): the raw
 * outputs, {@code strategies × replications × stride} doubles with {@code stride = 14 + 2T + 3·segments}
 * ({@link OutputLayout#stride()}), held twice while the batch is merged; six replication-long columns while
 * summarising; each worker's scratch row per strategy; the compiled price and state tables (about
 * {@code segments · (4T + 256)} doubles per strategy, one set per worker under parameter uncertainty); and
 * the result kept afterwards (fan charts of 2T points, pairwise comparisons, their JSON). Customers cost no
 * memory: the engine keeps one customer's state in local variables. The main run's result stays in memory
 * while the analyses run.
 *
 * <p>Instances are immutable.
 */
public final class WorkEstimate {
    /** The longest Java array this estimate accepts (the VM's limit is a few elements below {@link Integer#MAX_VALUE}). */
    public static final long MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;
    /**
     * Customer-periods per second and core that durations assume: conservative. The benchmark measures about
     * 125 M on the default model with one episode per period on a quiet core (README "Benchmarks"); the slowest
     * paths of the engine (automatic execution, outcome sharing) give 60-70 M per episode-period, and a core
     * shared with other work gives less, so 40 M.
     */
    public static final double RATE_PER_CORE_DEFAULT = 40e6;
    /** Heap kept back for everything else (the web server, the database's driver, other requests): at least this. */
    public static final long HEAP_RESERVE_MIN = 256L << 20;

    private static final int DOUBLE = Double.BYTES;
    private static final int REPLICATIONS_TYPICAL = RunSettings.REPLICATIONS_DEFAULT;
    private static final int PERIODS_TYPICAL = 36;
    private static final int STRATEGIES_TYPICAL = 4;
    private static final int CUSTOMERS_TYPICAL = 1000;

    /**
     * One phase of a job: {@code evaluations} runs of {@code strategies} strategies × {@code replications}
     * replications of the same model.
     *
     * @param field the request field that switches this phase on ({@code $.run.replications} for the main run)
     */
    public record Phase(String name, String field, long evaluations, int replications, int strategies, double perReplication,
                        int stride, long bytes) {
        public Phase {
            Checks.name("name", name);
            Checks.name("field", field);
        }

        /** Customer-periods of the phase. */
        public double work() {
            return perReplication * replications * strategies * evaluations;
        }
    }


    private final Scenario scenario;
    private final int threads;
    private final double perReplication;
    private final int stride;
    private final List<Phase> phases;

    private WorkEstimate(Scenario scenario, int threads, List<Phase> phases) {
        this.scenario = scenario;
        this.threads = threads;
        this.perReplication = customerPeriods(scenario.parameters());
        this.stride = new OutputLayout(scenario.parameters().periods(), scenario.parameters().segments().size()).stride();
        this.phases = List.copyOf(phases);
    }

    /** The main run of {@code scenario} on {@code threads} worker threads. */
    public static WorkEstimate of(Scenario scenario, int threads) {
        Checks.present("scenario", scenario);
        Checks.intRange("threads", threads, 1, 1024);
        WorkEstimate base = new WorkEstimate(scenario, threads, List.of());
        return base.plus(new Phase("simulation", "$.run.replications", 1, scenario.run().replications(),
                scenario.strategies().size(), base.perReplication, base.stride,
                base.phaseBytes(1, scenario.run().replications(), scenario.strategies().size())));
    }

    /** Adds a tornado: {@code evaluations} runs of one strategy, {@code replications} each. */
    public WorkEstimate withTornado(int evaluations, int replications) {
        return plus(new Phase("tornado", "$.analyses.tornado", evaluations, replications, 1, perReplication, stride,
                phaseBytes(evaluations, replications, 1)));
    }

    /** Adds a heatmap: one run of {@code cells} strategies, {@code replications} each. */
    public WorkEstimate withHeatmap(int cells, int replications) {
        return plus(new Phase("heatmap", "$.analyses.heatmap", 1, replications, cells, perReplication, stride,
                phaseBytes(1, replications, cells)));
    }

    /**
     * Adds an optimisation ({@code Optimiser}): {@code evaluations} more search runs of one strategy (the first, the
     * current strategy's own, is the estimate's main phase), {@code replications} each, then {@code finalEvaluations}
     * re-evaluations of {@code finalReplications} each. Build the estimate on the scenario reduced to the current
     * strategy with the search's replications.
     */
    public WorkEstimate withOptimisation(int evaluations, int replications, int finalEvaluations, int finalReplications) {
        // One run at a time, plus each search evaluation's objective per replication, kept for the near-optimal range.
        return plus(new Phase("optimisation search", OPTIMISATION_BUDGET, evaluations, replications, 1, perReplication, stride,
                phaseBytes(1, replications, 1) + (long) evaluations * replications * DOUBLE))
                .plus(new Phase("optimisation re-evaluation", OPTIMISATION_FINAL, finalEvaluations, finalReplications, 1, perReplication,
                        stride, phaseBytes(1, finalReplications, 1)));
    }

    private static final String OPTIMISATION_BUDGET = "$.optimisation.budget";
    private static final String OPTIMISATION_FINAL = "$.optimisation.finalReplications";

    /** The value to show with an analysis phase's field: the optimisation's budget or replications, else "true". */
    private static String phaseValue(Phase ph) {
        return switch (ph.field()) {
            case OPTIMISATION_BUDGET -> Long.toString(ph.evaluations() + 1);
            case OPTIMISATION_FINAL -> Integer.toString(ph.replications());
            default -> "true";
        };
    }

    private WorkEstimate plus(Phase phase) {
        List<Phase> all = new ArrayList<>(phases);
        all.add(phase);
        return new WorkEstimate(scenario, threads, all);
    }

    /**
     * Customer-periods of one replication of one strategy if nobody churned, weighted by {@code max(1, episodeRate)}.
     */
    public static double customerPeriods(ModelParameters p) {
        double sum = 0;
        for (Segment s : p.segments()) {
            sum += segmentPeriods(s, p.periods()) * Math.max(1.0, s.episodeRate());
        }
        return sum;
    }

    private static double segmentPeriods(Segment s, int periods) {
        return (double) s.initialCustomers() * periods + (double) s.newCustomersPerPeriod() * periods * (periods - 1) / 2.0;
    }

    /** Peak heap of a phase, in bytes: see the class comment. */
    private long phaseBytes(long evaluations, int replications, int strategies) {
        ModelParameters p = scenario.parameters();
        int segments = p.segments().size();
        double outputs = 2.0 * strategies * replications * stride;
        double summary = 6.0 * replications;
        double scratch = (double) threads * strategies * stride;
        int compiledSets = scenario.uncertainty().isEmpty() ? 1 : threads + 1;
        double tables = (double) compiledSets * strategies * segments * (4.0 * p.periods() + 256);
        double bytes = (outputs + summary + scratch + tables) * DOUBLE;
        return (long) Math.min(Long.MAX_VALUE / 4, bytes + resultBytes(strategies, p.periods()));
    }

    /** The summarised result and its JSON: fan charts, histograms, per-segment rows, pairwise comparisons. */
    private static double resultBytes(int strategies, int periods) {
        return strategies * (2.0 * periods * 300 + 8_000) + strategies * (strategies - 1) / 2.0 * 2_000;
    }

    public List<Phase> phases() {
        return phases;
    }

    /** Customer-periods of all phases together. */
    public double work() {
        return phases.stream().mapToDouble(Phase::work).sum();
    }

    /** Peak heap of the job: the largest phase, plus the main run's result while the analyses run. */
    public long peakBytes() {
        long peak = 0;
        for (int i = 0; i < phases.size(); i++) {
            Phase ph = phases.get(i);
            long held = i == 0 ? 0 : (long) resultBytes(phases.get(0).strategies(), scenario.parameters().periods());
            peak = Math.max(peak, ph.bytes() + held);
        }
        return peak;
    }

    /** Expected wall-clock seconds at {@code ratePerCore} customer-periods per second on each of the engine's threads. */
    public double seconds(double ratePerCore) {
        return work() / (ratePerCore * threads);
    }

    /** What the heap of a JVM with this {@link Runtime#maxMemory()} can give a job: all but a quarter (at least 256 MiB). */
    public static long usableHeap(long maxMemory) {
        return Math.max(0, maxMemory - Math.max(HEAP_RESERVE_MIN, maxMemory / 4));
    }

    /**
     * The first phase whose raw outputs would not fit one Java array ({@code replications × stride} doubles per
     * strategy), which no heap can hold: {@code $.run.replications} for the main run.
     */
    public Optional<FieldError> arrayOverflow() {
        for (Phase ph : phases) {
            long length = (long) ph.replications() * ph.stride();
            if (length > MAX_ARRAY_LENGTH) {
                long most = MAX_ARRAY_LENGTH / ph.stride();
                String field = ph.name().equals("simulation") ? "$.run.replications" : ph.field();
                return Optional.of(FieldError.path(field, Integer.toString(ph.replications()), String.format(Locale.ROOT,
                        "%s: %,d replications × %,d outputs each (14 + 2 × %d periods + 3 × %d segments) = %,d values exceed one array's"
                                + " limit of %,d; at most %,d replications with this horizon",
                        ph.name(), ph.replications(), ph.stride(), scenario.parameters().periods(),
                        scenario.parameters().segments().size(), length, MAX_ARRAY_LENGTH, most)));
            }
        }
        return Optional.empty();
    }

    /**
     * Refuses work above {@code budget} customer-periods, naming the field that contributes most. A refusal is a
     * {@link FieldError}: the field to change (a JSON path), its value, and a message with the estimate, the limit and
     * the duration.
     */
    public Optional<FieldError> exceedsWork(double budget, double ratePerCore) {
        double work = work();
        if (work <= budget) {
            return Optional.empty();
        }
        String[] field = workField();
        return Optional.of(FieldError.path(field[0], field[1], String.format(Locale.ROOT,
                "the job's work is %s customer-periods (%s), above this server's budget of %s (--max-simulation-work);"
                        + " it would take about %s on %d core%s, the budget about %s. Reduce %s",
                count(work), breakdown(), count(budget), duration(work / (ratePerCore * threads)), threads,
                threads == 1 ? "" : "s", duration(budget / (ratePerCore * threads)), field[0])));
    }

    /** Refuses a peak heap above {@code usableBytes}, naming the field that contributes most. */
    public Optional<FieldError> exceedsMemory(long usableBytes, double ratePerCore) {
        long peak = peakBytes();
        if (peak <= usableBytes) {
            return Optional.empty();
        }
        String[] field = memoryField();
        return Optional.of(FieldError.path(field[0], field[1], String.format(Locale.ROOT,
                "the job needs about %s of heap (%s outputs of %,d values per replication and strategy), more than the %s"
                        + " this JVM can give it (its maximum heap less a reserve); it would also take about %s. Reduce %s",
                bytes(peak), phases.get(0).name(), stride, bytes(usableBytes), duration(seconds(ratePerCore)), field[0])));
    }

    /** One line for a person: work, duration and heap. */
    public String describe(double ratePerCore) {
        return String.format(Locale.ROOT, "%s customer-periods (%s), about %s on %d thread%s, about %s of heap",
                count(work()), breakdown(), duration(seconds(ratePerCore)), threads, threads == 1 ? "" : "s", bytes(peakBytes()));
    }

    private String breakdown() {
        List<String> parts = new ArrayList<>();
        for (Phase ph : phases) {
            String evaluations = ph.evaluations() == 1 ? "" : String.format(Locale.ROOT, "%,d evaluations × ", ph.evaluations());
            parts.add(String.format(Locale.ROOT, "%s: %s%,d replications × %,d strateg%s × %s per replication", ph.name(),
                    evaluations, ph.replications(), ph.strategies(), ph.strategies() == 1 ? "y" : "ies", count(ph.perReplication())));
        }
        return String.join(" + ", parts);
    }

    /** The field to change for less work: an analysis that outweighs the main run, else the largest factor against its typical value. */
    private String[] workField() {
        Phase main = phases.get(0);
        Phase heaviest = phases.stream().max((a, b) -> Double.compare(a.work(), b.work())).orElseThrow();
        if (heaviest != main) {
            return new String[] {heaviest.field(), phaseValue(heaviest)};
        }
        ModelParameters p = scenario.parameters();
        String[] best = {"$.run.replications", Integer.toString(main.replications())};
        double worst = (double) main.replications() / REPLICATIONS_TYPICAL;
        if ((double) main.strategies() / STRATEGIES_TYPICAL > worst) {
            worst = (double) main.strategies() / STRATEGIES_TYPICAL;
            best = new String[] {"$.strategies", main.strategies() + " strategies"};
        }
        if ((double) p.periods() / PERIODS_TYPICAL > worst) {
            worst = (double) p.periods() / PERIODS_TYPICAL;
            best = new String[] {"$.parameters.periods", Integer.toString(p.periods())};
        }
        for (int i = 0; i < p.segments().size(); i++) {
            Segment s = p.segments().get(i);
            double customers = segmentPeriods(s, p.periods()) / p.periods() * Math.max(1.0, s.episodeRate());
            if (customers / CUSTOMERS_TYPICAL > worst) {
                worst = customers / CUSTOMERS_TYPICAL;
                boolean arrivals = (double) s.newCustomersPerPeriod() * (p.periods() - 1) / 2.0 > s.initialCustomers();
                String f = arrivals ? "newCustomersPerPeriod" : "initialCustomers";
                best = new String[] {"$.parameters.segments[" + i + "]." + f,
                        s.name() + ": " + (arrivals ? s.newCustomersPerPeriod() : s.initialCustomers())};
            }
        }
        return best;
    }

    private String[] memoryField() {
        Phase heaviest = phases.stream().max((a, b) -> Long.compare(a.bytes(), b.bytes())).orElseThrow();
        if (heaviest != phases.get(0)) {
            return new String[] {heaviest.field(), phaseValue(heaviest)};
        }
        ModelParameters p = scenario.parameters();
        double r = (double) heaviest.replications() / REPLICATIONS_TYPICAL;
        double s = (double) heaviest.strategies() / STRATEGIES_TYPICAL;
        double t = (double) p.periods() / PERIODS_TYPICAL;
        if (s > r && s > t) {
            return new String[] {"$.strategies", heaviest.strategies() + " strategies"};
        }
        if (t > r) {
            return new String[] {"$.parameters.periods", Integer.toString(p.periods())};
        }
        return new String[] {"$.run.replications", Integer.toString(heaviest.replications())};
    }

    /** 1.2e9-style counts for people: 1.2 G, 340 M, 12 k. */
    static String count(double n) {
        if (n >= 1e12) {
            return String.format(Locale.ROOT, "%.3g T", n / 1e12);
        }
        if (n >= 1e9) {
            return String.format(Locale.ROOT, "%.3g G", n / 1e9);
        }
        if (n >= 1e6) {
            return String.format(Locale.ROOT, "%.3g M", n / 1e6);
        }
        return String.format(Locale.ROOT, "%,.0f", n);
    }

    static String bytes(double n) {
        if (n >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GiB", n / (1L << 30));
        }
        return String.format(Locale.ROOT, "%.0f MiB", Math.ceil(n / (1L << 20)));
    }

    /** 45 s, 12 min, 3.5 h, 12 days. */
    public static String duration(double seconds) {
        if (seconds < 90) {
            return String.format(Locale.ROOT, "%.0f s", Math.max(1, Math.ceil(seconds)));
        }
        if (seconds < 90 * 60) {
            return String.format(Locale.ROOT, "%.0f min", seconds / 60);
        }
        if (seconds < 48 * 3600) {
            return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
        }
        return String.format(Locale.ROOT, "%,.0f days", seconds / 86400);
    }
}
