package org.cstrat.sim.optimise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.cstrat.sim.engine.CancellationToken;
import org.cstrat.sim.engine.PartialResult;
import org.cstrat.sim.engine.ProgressListener;
import org.cstrat.sim.engine.SimulationEngine;
import org.cstrat.sim.engine.StrategyResult;
import org.cstrat.sim.model.BillingModel;
import org.cstrat.sim.model.Checks;
import org.cstrat.sim.model.OutputLayout;
import org.cstrat.sim.model.Scenario;
import org.cstrat.sim.model.Segment;
import org.cstrat.sim.model.Strategy;
import org.cstrat.sim.optimise.OptimisationResult.Candidate;
import org.cstrat.sim.optimise.OptimisationResult.ConstraintCheck;
import org.cstrat.sim.optimise.OptimisationResult.Range;
import org.cstrat.sim.optimise.OptimisationResult.TracePoint;
import org.cstrat.sim.stats.Distribution;
import org.cstrat.sim.stats.Quantiles;

/**
 * Simulation optimisation of one strategy's decision variables on common random numbers.
 *
 * <p>Every search evaluation simulates one candidate with the scenario's seed and the same number of replications,
 * so candidate {@code a} and candidate {@code b} see the same stream {@code i} in replication {@code i} (the same
 * customers, draws and uncertain parameters): their differences are the decisions', not the noise's, and the
 * objective is a deterministic function of the decisions that a derivative-free optimiser can search.
 *
 * <ol>
 * <li>The current strategy is evaluated first (it is part of the budget).</li>
 * <li>Discrete decisions: every combination of their values is enumerated when the budget allows it (each combination
 * with at least {@code 10 + 2n} evaluations for its {@code n} continuous decisions); otherwise the combinations are
 * screened first at the current continuous values (all of them, or a seeded random sample of half the budget) and the
 * best ones are searched.</li>
 * <li>Continuous decisions: Apache Commons Math's CMA-ES (Hansen) on the unit cube of the bounds, starting from the
 * current values, step 0.3, default population {@code 4 + ⌊3 ln n⌋}, restarted from the best point while 60 % of the
 * combination's share of the budget lasts; then a compass search from the best point (steps of 5 % of the bounds,
 * halved when no neighbour ranks better) for the other 40 %. Integer parameters are rounded.</li>
 * <li>Constraints by feasibility-first ranking (Deb 2000): a feasible candidate beats an infeasible one; feasible
 * ones rank by objective, infeasible ones by their summed scaled violation. CMA-ES ranks its samples, so it is given
 * this order as a number: minus the objective when feasible, otherwise a value above every objective seen plus the
 * violation.</li>
 * <li>The best {@code finalists} distinct candidates and the current strategy are re-evaluated on fresh streams (seed
 * {@link #finalSeed}) with {@code finalReplications}: the best of them by the same ranking is reported with a 95 %
 * interval, P(best beats current) paired on the fresh streams, each constraint, and the runners-up.</li>
 * </ol>
 *
 * <p>Reproducible: the same scenario, specification and seed give the same result on any number of threads.
 * Thread-safe (no state between runs).
 */
public final class Optimiser {
    /** The method as the results state it. */
    public static final String METHOD = "CMA-ES (Apache Commons Math 3) on common random numbers for continuous decisions; "
            + "enumeration of discrete combinations (screening of a seeded sample when there are too many); "
            + "feasibility-first ranking (Deb) for constraints; best candidates re-evaluated on fresh streams";
    static final double Z95 = 1.959963984540054;
    private static final double SIGMA = 0.3;
    /** Share of a combination's evaluations left to the compass search after CMA-ES. */
    static final double POLISH_SHARE = 0.4;
    /** The compass search's first step, in units of the bounds' width. */
    static final double POLISH_STEP = 0.05;

    private final SimulationEngine engine;

    public Optimiser(SimulationEngine engine) {
        this.engine = Checks.present("engine", engine);
    }

    /** The master seed of the re-evaluation: independent of the search's streams, derived from its seed. */
    public static long finalSeed(long seed) {
        return new SplitMix64(seed ^ 0x5DEECE66DL).nextLong();
    }

    /**
     * The work and heap of {@link #run} before it runs: the current strategy's evaluation, the rest of the budget and
     * the re-evaluations (an upper bound: the search may stop early).
     */
    public static org.cstrat.sim.engine.WorkEstimate estimate(Scenario scenario, OptimisationSpec spec, int threads) {
        Strategy current = scenario.strategies().stream().filter(s -> s.name().equals(spec.strategy())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("optimisation.strategy: no strategy named " + spec.strategy()));
        Scenario one = scenario.withStrategies(List.of(current)).withRun(scenario.run().withReplications(spec.replications()));
        return org.cstrat.sim.engine.WorkEstimate.of(one, threads)
                .withOptimisation(spec.budget() - 1, spec.replications(), spec.finalists() + 1, spec.finalReplications());
    }

    /** Runs the optimisation; {@code listener} hears replications done out of {@link OptimisationSpec#maxReplications()}. */
    public OptimisationResult run(Scenario scenario, OptimisationSpec spec, ProgressListener listener, CancellationToken cancel) {
        Checks.present("scenario", scenario);
        Checks.present("spec", spec);
        return new Run(scenario, spec, listener, cancel).execute();
    }

    /** One candidate's evaluation. */
    private record Eval(List<Object> values, String phase, double objective, double se, double low, double high, Distribution npv,
                        double[] measure, List<ConstraintCheck> checks, boolean feasible, double violation, Strategy strategy,
                        int replications, boolean robust) {
    }

    /** The search's budget is spent. */
    private static final class BudgetSpent extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BudgetSpent() {
            super(null, null, false, false);
        }
    }

    /** Best first: feasible before infeasible, then higher objective, or lower violation among the infeasible. */
    private static final Comparator<Eval> RANK = (a, b) -> {
        if (a.feasible != b.feasible) {
            return a.feasible ? -1 : 1;
        }
        if (!a.feasible && a.violation != b.violation) {
            return Double.compare(a.violation, b.violation);
        }
        return Double.compare(b.objective, a.objective);
    };

    private final class Run {
        private final Scenario scenario;
        private final OptimisationSpec spec;
        private final ProgressListener listener;
        private final CancellationToken cancel;
        private final Strategy current;
        private final List<Decision> decisions;
        private final int[] continuous;
        private final int[] discrete;
        private final List<Object> currentValues;
        private final boolean currentInSpace;
        private final List<Eval> search = new ArrayList<>();
        private final Map<List<Object>, Eval> cache = new HashMap<>();
        private final List<TracePoint> trace = new ArrayList<>();
        private final long grand;
        private long replicationsDone;
        private double worstSeen = Double.POSITIVE_INFINITY;
        private double bestSeen = Double.NEGATIVE_INFINITY;
        private double bestFeasible = Double.NaN;

        Run(Scenario scenario, OptimisationSpec spec, ProgressListener listener, CancellationToken cancel) {
            this.scenario = scenario;
            this.spec = spec;
            this.listener = Checks.present("listener", listener);
            this.cancel = Checks.present("cancel", cancel);
            this.current = scenario.strategies().stream().filter(s -> s.name().equals(spec.strategy())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("optimisation.strategy: no strategy named " + spec.strategy()));
            this.decisions = spec.decisions();
            List<Integer> c = new ArrayList<>();
            List<Integer> d = new ArrayList<>();
            for (int i = 0; i < decisions.size(); i++) {
                (decisions.get(i) instanceof Decision.Continuous ? c : d).add(i);
            }
            this.continuous = c.stream().mapToInt(Integer::intValue).toArray();
            this.discrete = d.stream().mapToInt(Integer::intValue).toArray();
            List<Object> cv = new ArrayList<>();
            boolean in = true;
            for (Decision dec : decisions) {
                Object v = Decisions.currentValue(scenario, current, dec);
                cv.add(v);
                if (dec instanceof Decision.Continuous k) {
                    double x = (Double) v;
                    in &= x >= k.low() && x <= k.high();
                } else {
                    in &= ((Decision.Choice) dec).values().contains(v);
                }
            }
            this.currentValues = java.util.Collections.unmodifiableList(cv);
            this.currentInSpace = in;
            this.grand = spec.maxReplications();
        }

        OptimisationResult execute() {
            long started = System.nanoTime();
            Eval cur = evaluate(currentValues, "current", scenario.run().seed(), spec.replications());
            try {
                searchAll();
            } catch (BudgetSpent e) {
                // the budget is the limit, not an error
            }
            long searchNanos = System.nanoTime() - started;
            int searchCount = search.size();

            // Finalists: the best distinct candidates of the search that lie in the decision space.
            List<Eval> ranked = new ArrayList<>(search);
            if (!currentInSpace) {
                ranked.remove(cur);
            }
            ranked.sort(RANK);
            List<List<Object>> finalists = new ArrayList<>();
            for (Eval e : ranked) {
                if (finalists.size() == spec.finalists()) {
                    break;
                }
                finalists.add(e.values());
            }
            // Candidates chosen as the best of many sit on a constraint's boundary, where the fresh streams miss it about
            // half the time (and more, as their own estimates were the lucky ones): one finalist must meet every
            // constraint with room for its own noise, so a feasible answer survives the re-evaluation when one exists.
            boolean anyRobust = ranked.stream().filter(e -> finalists.contains(e.values())).anyMatch(Eval::robust);
            if (!anyRobust && !spec.constraints().isEmpty()) {
                ranked.stream().filter(Eval::robust).findFirst().ifPresent(e -> {
                    if (finalists.size() == spec.finalists()) {
                        finalists.remove(finalists.size() - 1);
                    }
                    finalists.add(e.values());
                });
            }
            long fseed = finalSeed(scenario.run().seed());
            Eval currentFinal = evaluate(currentValues, "final", fseed, spec.finalReplications());
            List<Eval> finals = new ArrayList<>();
            for (List<Object> values : finalists) {
                finals.add(values.equals(currentValues) ? currentFinal : evaluate(values, "final", fseed, spec.finalReplications()));
            }
            if (finals.isEmpty()) {
                finals.add(currentFinal); // the current strategy is outside the space and nothing else was evaluated
            }
            finals.sort(RANK);
            Eval best = finals.get(0);
            double beats = 0;
            if (!best.values().equals(currentValues)) {
                int wins = 0;
                for (int r = 0; r < best.measure().length; r++) {
                    if (best.measure()[r] > currentFinal.measure()[r]) {
                        wins++;
                    }
                }
                beats = (double) wins / best.measure().length;
            }
            List<Candidate> runners = new ArrayList<>();
            for (Eval e : finals.subList(1, finals.size())) {
                runners.add(candidate(e));
            }
            listener.progress(grand, grand);
            double seconds = searchNanos / 1e9;
            return new OptimisationResult(scenario.name(), current.name(), scenario.currency(), SimulationEngine.VERSION,
                    scenario.run().seed(), fseed, best.feasible() ? OptimisationResult.Status.OPTIMAL : OptimisationResult.Status.INFEASIBLE,
                    spec.objective().label(), decisions.stream().map(Decision::parameter).toList(), candidate(best),
                    candidate(currentFinal), beats, runners, nearOptimal(), trace, METHOD, spec.replications(),
                    spec.finalReplications(), searchCount + finals.size() + (finals.contains(currentFinal) ? 0 : 1),
                    (System.nanoTime() - started) / 1_000_000, seconds > 0 ? searchCount / seconds : Double.NaN);
        }

        // ---- search ----

        private void searchAll() {
            long combos = combinations();
            int remaining = spec.budget() - search.size();
            if (continuous.length == 0) {
                for (List<Object> combo : pickCombinations(combos, remaining)) {
                    searchEval(fill(combo, null), "search");
                }
                return;
            }
            int minPer = 10 + 2 * continuous.length;
            List<List<Object>> toSearch;
            if (combos * minPer <= remaining) {
                toSearch = pickCombinations(combos, (int) combos);
            } else {
                List<List<Object>> screened = pickCombinations(combos, (int) Math.min(combos, Math.max(1, remaining / 2)));
                List<Eval> scores = new ArrayList<>();
                for (List<Object> combo : screened) {
                    scores.add(searchEval(fill(combo, null), "screen"));
                }
                scores.sort(RANK);
                int left = spec.budget() - search.size();
                int keep = Math.max(1, Math.min(scores.size(), left / minPer));
                toSearch = new ArrayList<>();
                for (Eval e : scores.subList(0, keep)) {
                    toSearch.add(discreteOf(e.values()));
                }
            }
            for (int k = 0; k < toSearch.size(); k++) {
                int left = spec.budget() - search.size();
                int share = left / (toSearch.size() - k);
                int global = Math.max(1, (int) Math.round(share * (1 - POLISH_SHARE)));
                cmaes(toSearch.get(k), global, k);
                compass(toSearch.get(k), search.size() + (share - global));
            }
        }

        /**
         * Compass search (Kolda, Lewis and Torczon 2003) from the combination's best point until evaluation {@code stop}:
         * try ± step along each continuous decision in the unit cube, move to the first point that ranks better, halve
         * the step when none does. It settles the last digits CMA-ES leaves with a small budget, and walks along a
         * constraint's boundary, which feasibility-first ranking makes a cliff.
         */
        private void compass(List<Object> combo, int stop) {
            double[] x = bestUnit(combo, null);
            if (x == null) {
                return;
            }
            Eval at = cache.get(fill(combo, x));
            if (at == null) {
                at = searchEval(fill(combo, x));
            }
            double step = POLISH_STEP;
            while (search.size() < stop && step >= 1e-6) {
                boolean moved = false;
                for (int j = 0; j < x.length && !moved && search.size() < stop; j++) {
                    for (int sign = -1; sign <= 1 && !moved && search.size() < stop; sign += 2) {
                        double[] y = x.clone();
                        y[j] = Math.min(1.0, Math.max(0.0, x[j] + sign * step));
                        if (y[j] == x[j]) {
                            continue;
                        }
                        Eval e = searchEval(fill(combo, y), "search");
                        if (RANK.compare(e, at) < 0) {
                            x = y;
                            at = e;
                            moved = true;
                        }
                    }
                }
                if (!moved) {
                    step /= 2;
                }
            }
        }

        /** CMA-ES over the continuous decisions with the discrete ones fixed at {@code combo}, for about {@code share} evaluations. */
        private void cmaes(List<Object> combo, int share, int k) {
            int n = continuous.length;
            double[] start = new double[n];
            for (int j = 0; j < n; j++) {
                Decision.Continuous d = (Decision.Continuous) decisions.get(continuous[j]);
                start[j] = d.unit((Double) currentValues.get(continuous[j]));
            }
            int stop = search.size() + share;
            double[] lo = new double[n];
            double[] hi = new double[n];
            Arrays.fill(hi, 1.0);
            int lambda = 4 + (int) Math.floor(3 * Math.log(n));
            for (int restart = 0; search.size() < stop && restart < 20; restart++) {
                int before = search.size();
                int budgetHere = stop - search.size();
                double[] x0 = restart == 0 ? start : bestUnit(combo, start);
                CMAESOptimizer opt = new CMAESOptimizer(100_000, Double.NEGATIVE_INFINITY, true, 0, 0,
                        new MersenneTwister(scenario.run().seed() * 31 + 1009L * k + restart), false, null);
                try {
                    opt.optimize(new MaxEval(Math.max(1, budgetHere * 4)), GoalType.MINIMIZE,
                            new ObjectiveFunction(x -> {
                                if (search.size() >= stop) {
                                    throw new BudgetSpent();
                                }
                                return fitness(fill(combo, x));
                            }),
                            new InitialGuess(x0), new SimpleBounds(lo, hi),
                            new CMAESOptimizer.Sigma(filled(n, restart == 0 ? SIGMA : SIGMA / 2)), new CMAESOptimizer.PopulationSize(lambda));
                } catch (BudgetSpent | TooManyEvaluationsException e) {
                    if (search.size() >= spec.budget()) {
                        throw e instanceof BudgetSpent b ? b : new BudgetSpent();
                    }
                }
                if (search.size() == before) {
                    break; // only cached points: nothing new to learn
                }
            }
        }

        private double[] bestUnit(List<Object> combo, double[] fallback) {
            Eval best = null;
            for (Eval e : search) {
                if (discreteOf(e.values()).equals(combo) && (best == null || RANK.compare(e, best) < 0)) {
                    best = e;
                }
            }
            if (best == null) {
                return fallback;
            }
            double[] x = new double[continuous.length];
            for (int j = 0; j < x.length; j++) {
                x[j] = ((Decision.Continuous) decisions.get(continuous[j])).unit((Double) best.values().get(continuous[j]));
            }
            return x;
        }

        /** CMA-ES minimises; feasibility first (see the class comment). */
        private double fitness(List<Object> values) {
            Eval e = searchEval(values, "search");
            if (e.feasible()) {
                return -e.objective();
            }
            double scale = 1.0 + Math.abs(bestSeen - worstSeen);
            return -worstSeen + scale * (1.0 + e.violation());
        }

        private Eval searchEval(List<Object> values) {
            return searchEval(values, "search");
        }

        private Eval searchEval(List<Object> values, String phase) {
            Eval cached = cache.get(values);
            if (cached != null) {
                return cached;
            }
            if (search.size() >= spec.budget()) {
                throw new BudgetSpent();
            }
            return evaluate(values, phase, scenario.run().seed(), spec.replications());
        }

        private long combinations() {
            long m = 1;
            for (int i : discrete) {
                m = Math.multiplyExact(m, ((Decision.Choice) decisions.get(i)).values().size());
                if (m > Integer.MAX_VALUE) {
                    return Integer.MAX_VALUE;
                }
            }
            return m;
        }

        /** {@code count} distinct combinations: all of them in order when count ≥ their number, else a seeded sample that includes the current one. */
        private List<List<Object>> pickCombinations(long combos, int count) {
            List<List<Object>> out = new ArrayList<>();
            if (count <= 0) {
                return out;
            }
            if (count >= combos) {
                for (long i = 0; i < combos; i++) {
                    out.add(combination(i));
                }
                return out;
            }
            Set<Long> chosen = new LinkedHashSet<>();
            List<Object> cur = discreteOf(currentValues);
            long curIndex = indexOf(cur);
            if (curIndex >= 0) {
                chosen.add(curIndex);
            }
            SplitMix64 rng = new SplitMix64(scenario.run().seed() ^ 0x2545F4914F6CDD1DL);
            while (chosen.size() < count) {
                chosen.add(Math.floorMod(rng.nextLong(), combos));
            }
            for (long i : chosen) {
                out.add(combination(i));
            }
            return out;
        }

        /** Combination {@code index} in mixed radix over the discrete decisions' value sets. */
        private List<Object> combination(long index) {
            List<Object> out = new ArrayList<>();
            for (int i : discrete) {
                List<Object> vs = ((Decision.Choice) decisions.get(i)).values();
                out.add(vs.get((int) (index % vs.size())));
                index /= vs.size();
            }
            return out;
        }

        private long indexOf(List<Object> combo) {
            long index = 0;
            long radix = 1;
            for (int j = 0; j < discrete.length; j++) {
                List<Object> vs = ((Decision.Choice) decisions.get(discrete[j])).values();
                int at = vs.indexOf(combo.get(j));
                if (at < 0) {
                    return -1;
                }
                index += at * radix;
                radix *= vs.size();
            }
            return index;
        }

        private List<Object> discreteOf(List<Object> values) {
            List<Object> out = new ArrayList<>();
            for (int i : discrete) {
                out.add(values.get(i));
            }
            return out;
        }

        /** Full values: the discrete ones from {@code combo}, the continuous ones from {@code x} (unit cube) or the current values clamped. */
        private List<Object> fill(List<Object> combo, double[] x) {
            Object[] v = new Object[decisions.size()];
            for (int j = 0; j < discrete.length; j++) {
                v[discrete[j]] = combo.get(j);
            }
            for (int j = 0; j < continuous.length; j++) {
                Decision.Continuous d = (Decision.Continuous) decisions.get(continuous[j]);
                v[continuous[j]] = x == null ? d.at(d.unit((Double) currentValues.get(continuous[j]))) : d.at(x[j]);
            }
            return List.of(v);
        }

        // ---- evaluation ----

        private Eval evaluate(List<Object> values, String phase, long seed, int replications) {
            boolean searching = !phase.equals("final");
            String name = searching ? "candidate-" + search.size() : "finalist";
            Decisions.Applied a = Decisions.apply(scenario, current, decisions, values, name);
            Scenario s = scenario.withParameters(a.parameters()).withStrategies(List.of(a.strategy()))
                    .withRun(scenario.run().withReplications(replications).withSeed(seed).withTargetRelativeError(0));
            PartialResult part = engine.runReplications(s, listener.offset(replicationsDone, grand), cancel);
            replicationsDone += replications;
            StrategyResult summary = SimulationEngine.summarise(s, part).strategies().get(0);
            double[] measure = measure(s, part);
            double[] stat = statistic(measure);
            List<ConstraintCheck> checks = new ArrayList<>();
            double violation = 0;
            boolean robust = true;
            for (int i = 0; i < spec.constraints().size(); i++) {
                RiskConstraint c = spec.constraints().get(i);
                double value = switch (c.kind()) {
                    case LOSS_PROBABILITY -> summary.npv().probabilityNegative();
                    case PRICE_DISPERSION -> summary.priceDispersion().maxToMinRatio();
                    case CUSTOMERS_AT_HORIZON -> summary.activeAtEnd().mean();
                };
                // The estimate's standard error where there is a simple one (none for the dispersion ratio).
                double se = switch (c.kind()) {
                    case LOSS_PROBABILITY -> Math.sqrt(value * (1 - value) / replications);
                    case PRICE_DISPERSION -> 0.0;
                    case CUSTOMERS_AT_HORIZON -> summary.activeAtEnd().standardError();
                };
                violation += c.violation(value);
                robust &= c.holds(c.kind() == RiskConstraint.Kind.CUSTOMERS_AT_HORIZON ? value - Z95 * se : value + Z95 * se);
                checks.add(new ConstraintCheck(i, c.label(), value, c.limit(), c.holds(value)));
            }
            Eval e = new Eval(List.copyOf(values), phase, stat[0], stat[1], stat[2], stat[3], summary.npv(), measure, checks,
                    violation == 0, violation, a.strategy(), replications, robust && violation == 0);
            if (searching) {
                search.add(e);
                cache.put(e.values(), e);
                worstSeen = Math.min(worstSeen, e.objective());
                bestSeen = Math.max(bestSeen, e.objective());
                if (e.feasible() && !(e.objective() <= bestFeasible)) {
                    bestFeasible = e.objective();
                }
                trace.add(new TracePoint(trace.size(), phase, Decisions.labels(e.values()), coordinates(e.values()), e.objective(),
                        e.se(), e.feasible(), e.violation(), bestFeasible));
            }
            return e;
        }

        /** The objective's output per replication: NPV, or CLV (discounted margin over the scenario's customers). */
        private double[] measure(Scenario s, PartialResult part) {
            if (spec.objective().output() == Objective.Output.NPV) {
                return part.column(0, OutputLayout.NPV);
            }
            List<Segment> segs = s.parameters().segments();
            int periods = s.parameters().periods();
            double[] margin = new double[part.replications()];
            double customers = 0;
            for (int j = 0; j < segs.size(); j++) {
                Segment g = segs.get(j);
                if (spec.objective().segment() != null && !g.name().equals(spec.objective().segment())) {
                    continue;
                }
                customers += g.initialCustomers() + (double) g.newCustomersPerPeriod() * (periods - 1);
                double[] m = part.column(0, part.layout().segment(j, OutputLayout.SEG_MARGIN));
                for (int r = 0; r < margin.length; r++) {
                    margin[r] += m[r];
                }
            }
            for (int r = 0; r < margin.length; r++) {
                margin[r] = customers > 0 ? margin[r] / customers : 0.0;
            }
            return margin;
        }

        /** {estimate, standard error, 95 % low, 95 % high}. */
        private double[] statistic(double[] measure) {
            Distribution d = Distribution.of(measure);
            if (spec.objective().statistic() == Objective.Statistic.MEAN) {
                return new double[] {d.mean(), d.standardError(), d.mean() - Z95 * d.standardError(), d.mean() + Z95 * d.standardError()};
            }
            double q = spec.objective().quantile();
            double[] sorted = measure.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            // Distribution-free interval: the order statistics around n q, ± z sqrt(n q (1 - q)) (binomial, normal approximation).
            double half = Z95 * Math.sqrt(n * q * (1 - q));
            int lo = (int) Math.max(0, Math.floor(n * q - half) - 1);
            int hi = (int) Math.min(n - 1, Math.ceil(n * q + half) - 1);
            return new double[] {Quantiles.ofSorted(sorted, q), (sorted[hi] - sorted[lo]) / (2 * Z95), sorted[lo], sorted[hi]};
        }

        private List<Double> coordinates(List<Object> values) {
            List<Double> out = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                Decision d = decisions.get(i);
                out.add(d instanceof Decision.Choice c ? (double) c.values().indexOf(values.get(i)) : (Double) values.get(i));
            }
            return out;
        }

        private Candidate candidate(Eval e) {
            return new Candidate(Decisions.labels(e.values()), coordinates(e.values()), e.objective(), e.se(), e.low(), e.high(),
                    e.npv().mean(), e.npv(), e.checks(), e.feasible(), e.violation(), e.strategy().withName(labelOf(e)), e.replications());
        }

        private String labelOf(Eval e) {
            return e.values().equals(currentValues) ? current.name() : current.name() + " (optimised)";
        }

        /** Per continuous decision, the values of the feasible search candidates not significantly worse than the search's best. */
        private List<Range> nearOptimal() {
            List<Range> out = new ArrayList<>();
            Eval best = search.stream().filter(e -> currentInSpace || !e.values().equals(currentValues)).min(RANK).orElse(null);
            if (best == null || !best.feasible()) {
                return out;
            }
            List<Eval> near = new ArrayList<>();
            long compared = search.stream().filter(Eval::feasible).count();
            // Simultaneous over the comparisons (Bonferroni): the best is itself chosen as the largest of them.
            double z = new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1)
                    .inverseCumulativeProbability(1 - 0.05 / Math.max(1, compared));
            for (Eval e : search) {
                if (e.feasible() && (currentInSpace || !e.values().equals(currentValues)) && notWorse(e, best, z)) {
                    near.add(e);
                }
            }
            for (int i : continuous) {
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (Eval e : near) {
                    double v = (Double) e.values().get(i);
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
                out.add(new Range(decisions.get(i).parameter(), lo, hi, (Double) best.values().get(i)));
            }
            return out;
        }

        private boolean notWorse(Eval e, Eval best, double z) {
            if (e == best) {
                return true;
            }
            if (spec.objective().statistic() == Objective.Statistic.MEAN) {
                double[] diff = new double[e.measure().length];
                for (int r = 0; r < diff.length; r++) {
                    diff[r] = e.measure()[r] - best.measure()[r];
                }
                Distribution d = Distribution.of(diff);
                return d.mean() + z * d.standardError() >= 0;
            }
            return e.objective() + z * Math.hypot(e.se(), best.se()) >= best.objective();
        }
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    /** Whether a billing model has a fairness cap (personalised pricing). */
    static boolean personalised(BillingModel b) {
        return b instanceof BillingModel.PersonalisedPricing;
    }
}
