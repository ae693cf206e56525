package org.cstrat.sim.engine;

import java.util.List;
import org.cstrat.sim.model.Checks;

/**
 * Summary of a run: one {@link StrategyResult} per strategy, every pair compared on common random
 * numbers, and the efficiency-frontier numbers relative to the first (baseline) strategy.
 * {@code elapsedMillis} is the only field that varies between identical runs.
 */
public record SimulationResult(
        String scenario,
        String firm,
        long seed,
        int replicationsRequested,
        int replications,
        boolean stoppedEarly,
        String engineVersion,
        long elapsedMillis,
        List<StrategyResult> strategies,
        List<PairwiseComparison> comparisons,
        List<FrontierPoint> frontier,
        String currency) {

    public SimulationResult {
        currency = currency == null ? "USD" : currency;
        Checks.name("scenario", scenario);
        strategies = Checks.nonEmptyCopy("strategies", strategies);
        comparisons = List.copyOf(comparisons);
        frontier = List.copyOf(frontier);
    }

    public StrategyResult strategy(String name) {
        return strategies.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown strategy, was " + name));
    }

    /** The comparison of {@code a} against {@code b} (A minus B). */
    public PairwiseComparison comparison(String a, String b) {
        return comparisons.stream().filter(c -> c.a().equals(a) && c.b().equals(b)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no comparison of " + a + " against " + b));
    }

    /** The same result with the elapsed time zeroed, for comparing runs. */
    public SimulationResult withoutTiming() {
        return new SimulationResult(scenario, firm, seed, replicationsRequested, replications, stoppedEarly, engineVersion, 0,
                strategies, comparisons, frontier, currency);
    }
}
