package org.cstrat.sim.optimise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cstrat.sim.engine.CancellationToken;
import org.cstrat.sim.engine.ProgressListener;
import org.cstrat.sim.engine.SimulationEngine;
import org.cstrat.sim.engine.SimulationResult;
import org.cstrat.sim.model.Scenario;
import org.cstrat.sim.scenario.ScenarioDocument;
import org.cstrat.sim.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

/** Discrete enumeration, the screening heuristic, infeasibility, quantile objectives, reproducibility, common random numbers. */
class OptimiserTest {
    static final String SCENARIO = """
            {"name": "small", "parameters": {"periods": 12,
               "segments": [{"name": "a", "initialCustomers": 300, "willingnessToPay": 12},
                            {"name": "b", "initialCustomers": 200, "episodeRate": 2, "willingnessToPay": 8}]},
             "strategies": [{"name": "now", "experience": "respond_to_desire", "personalisationLevel": 1,
                             "billing": {"model": "flat_price", "price": 6}, "investment": %s}],
             "uncertainty": [{"parameter": "behaviour.fitPremium", "distribution": "uniform", "low": 0.4, "high": 1.2}],
             "run": {"seed": 99},
             "optimisation": %s}
            """;

    static Scenario scenario;

    static OptimisationResult optimise(String investment, String optimisation, int threads) {
        ScenarioDocument doc = new ScenarioReader().parse(SCENARIO.formatted(investment, optimisation), "small.json");
        scenario = doc.resolve();
        return new Optimiser(new SimulationEngine(threads)).run(scenario, doc.optimisation(scenario), ProgressListener.NONE,
                CancellationToken.none());
    }

    @Test
    void enumeratesEveryDiscreteCombinationAndPicksTheBestOnFreshStreams() {
        OptimisationResult r = optimise("0", """
                {"decisions": [{"parameter": "strategy.experience", "values": ["respond_to_desire", "curated_offering", "coach_behavior"]},
                               {"parameter": "strategy.personalisationLevel", "values": [1, 2, 3, 4]},
                               {"parameter": "strategy.billing.price", "values": [6, 9, 12]}],
                 "budget": 60, "replications": 20, "finalists": 3, "finalReplications": 60}
                """, 2);
        Set<List<String>> seen = new HashSet<>();
        r.search().forEach(t -> seen.add(t.values()));
        assertEquals(36, seen.size(), "all 3 x 4 x 3 combinations");
        assertEquals(36, r.search().size(), "each once: the current strategy's own combination is not evaluated twice");
        // The finalists are the search's top three, and the best is the best of them on the fresh streams.
        List<OptimisationResult.TracePoint> top = r.search().stream()
                .sorted(Comparator.comparingDouble(OptimisationResult.TracePoint::objective).reversed()).limit(3).toList();
        Set<List<String>> finalists = new HashSet<>();
        finalists.add(r.best().values());
        r.runnersUp().forEach(c -> finalists.add(c.values()));
        assertEquals(top.stream().map(OptimisationResult.TracePoint::values).collect(java.util.stream.Collectors.toSet()), finalists);
        r.runnersUp().forEach(c -> assertTrue(c.objective() <= r.best().objective()));
        assertEquals(60, r.best().replications());
        assertEquals(r.finalSeed(), Optimiser.finalSeed(99));
        assertNotEquals(99, r.finalSeed());

        // The re-evaluation is an ordinary simulation on the final seed: the best candidate's strategy gives the same mean NPV.
        Scenario check = scenario.withStrategies(List.of(r.best().strategy()))
                .withRun(scenario.run().withSeed(r.finalSeed()).withReplications(60));
        SimulationResult sim = new SimulationEngine(1).run(check);
        assertEquals(sim.strategies().get(0).npv().mean(), r.best().meanNpv(), 0.0);
        assertEquals(sim.strategies().get(0).npv().mean(), r.best().objective(), 0.0);
        double half = Optimiser.Z95 * sim.strategies().get(0).npv().standardError();
        assertEquals(r.best().objective() - half, r.best().low(), 1e-6);
        assertEquals(r.best().objective() + half, r.best().high(), 1e-6);
    }

    @Test
    void reproducibleWithASeedOnAnyNumberOfThreads() {
        String opt = """
                {"decisions": [{"parameter": "strategy.billing.price", "low": 3, "high": 15},
                               {"parameter": "strategy.personalisationLevel", "values": [1, 3]}],
                 "budget": 30, "replications": 10, "finalists": 2, "finalReplications": 20}
                """;
        OptimisationResult a = optimise("0", opt, 1);
        OptimisationResult b = optimise("0", opt, 2);
        assertEquals(a.search(), b.search());
        assertEquals(a.best(), b.best());
        assertEquals(a.runnersUp(), b.runnersUp());
        assertEquals(a.probabilityBestBeatsCurrent(), b.probabilityBestBeatsCurrent());
        assertTrue(a.search().size() <= 30);
    }

    @Test
    void tooManyCombinationsAreScreenedThenSearched() {
        OptimisationResult r = optimise("0", """
                {"decisions": [{"parameter": "strategy.experience", "values": ["respond_to_desire", "curated_offering", "coach_behavior", "automatic_execution"]},
                               {"parameter": "strategy.personalisationLevel", "values": [1, 2, 3, 4]},
                               {"parameter": "strategy.billing.price", "low": 3, "high": 15}],
                 "budget": 30, "replications": 10, "finalists": 2, "finalReplications": 20}
                """, 2);
        assertTrue(r.search().size() <= 30, "within the budget: " + r.search().size());
        long screened = r.search().stream().filter(t -> t.phase().equals("screen")).count();
        assertTrue(screened > 0 && screened < 16, "a sample of the 16 combinations is screened: " + screened);
        assertTrue(r.search().stream().anyMatch(t -> t.phase().equals("search")), "then the best are searched");
        assertTrue(r.search().stream().filter(t -> t.phase().equals("screen")).allMatch(t -> t.values().get(2).equals("6")),
                "screening holds the price at its current value");
    }

    @Test
    void anInfeasibleProblemReportsTheLeastViolatingCandidate() {
        // An investment no price can recover: P(NPV < 0) = 1 whatever the price; the constraint allows 0.05.
        OptimisationResult r = optimise("10000000", """
                {"decisions": [{"parameter": "strategy.billing.price", "values": [4, 8, 12]}],
                 "constraints": [{"type": "loss_probability", "max": 0.05}, {"type": "customers_at_horizon", "min": 100000}],
                 "budget": 10, "replications": 10, "finalists": 3, "finalReplications": 20}
                """, 2);
        assertEquals(OptimisationResult.Status.INFEASIBLE, r.status());
        assertFalse(r.best().feasible());
        assertFalse(r.best().constraints().get(0).held());
        assertEquals(1.0, r.best().constraints().get(0).value());
        r.runnersUp().forEach(c -> assertTrue(c.violation() >= r.best().violation(), "least violating first"));
        assertTrue(r.nearOptimal().isEmpty());
    }

    @Test
    void aQuantileObjectiveHasAnOrderStatisticInterval() {
        OptimisationResult r = optimise("0", """
                {"decisions": [{"parameter": "strategy.billing.price", "values": [5, 8, 11]}],
                 "objective": {"statistic": "quantile", "quantile": 0.05},
                 "budget": 5, "replications": 20, "finalists": 2, "finalReplications": 200}
                """, 2);
        assertEquals("P5 of NPV", r.objective());
        OptimisationResult.Candidate b = r.best();
        assertTrue(b.low() <= b.objective() && b.objective() <= b.high(), b.toString());
        assertTrue(b.low() < b.high());
        assertTrue(b.objective() < b.meanNpv(), "the 5th percentile is below the mean");
    }

    @Test
    void theCurrentStrategyCanWin() {
        OptimisationResult r = optimise("0", """
                {"decisions": [{"parameter": "strategy.billing.price", "values": [6, 0.5]}],
                 "budget": 5, "replications": 10, "finalists": 2, "finalReplications": 20}
                """, 2);
        assertTrue(r.currentIsBest());
        assertEquals(0.0, r.probabilityBestBeatsCurrent());
        assertEquals(r.best().objective(), r.current().objective());
    }

    @Test
    void theWorkEstimateCountsTheBudgetAndTheReEvaluationAndNamesTheBudget() {
        ScenarioDocument doc = new ScenarioReader().parse(SCENARIO.formatted("0", """
                {"decisions": [{"parameter": "strategy.billing.price", "low": 3, "high": 15}],
                 "budget": 50, "replications": 40, "finalists": 3, "finalReplications": 300}
                """), "small.json");
        Scenario s = doc.resolve();
        OptimisationSpec spec = doc.optimisation(s);
        org.cstrat.sim.engine.WorkEstimate e = Optimiser.estimate(s, spec, 2);
        double perReplication = org.cstrat.sim.engine.WorkEstimate.customerPeriods(s.parameters());
        assertEquals((50.0 * 40 + 4.0 * 300) * perReplication, e.work(), 1e-6);
        var excess = e.exceedsWork(e.work() / 2, 1e6).orElseThrow();
        assertEquals("$.optimisation.budget", excess.field());
        assertEquals("50", excess.value());
    }

    @Test
    void probabilityBestBeatsCurrentIsThePairedComparisonOnTheFreshStreams() {
        OptimisationResult r = optimise("0", """
                {"decisions": [{"parameter": "strategy.billing.price", "values": [6, 7, 8]}],
                 "budget": 5, "replications": 10, "finalists": 2, "finalReplications": 50}
                """, 2);
        assertFalse(r.currentIsBest(), r.best().toString());
        // Both strategies in one scenario: the engine pairs them on the same streams, as the optimiser's separate runs were.
        Scenario both = scenario.withStrategies(List.of(r.current().strategy().withName("current"), r.best().strategy().withName("best")))
                .withRun(scenario.run().withSeed(r.finalSeed()).withReplications(50));
        SimulationResult sim = new SimulationEngine(2).run(both);
        assertEquals(sim.comparison("best", "current").probabilityABeatsB(), r.probabilityBestBeatsCurrent(), 0.0);
        assertEquals(sim.strategy("current").npv().mean(), r.current().meanNpv(), 0.0);
    }

    @Test
    void aCancelledOptimisationStops() {
        ScenarioDocument doc = new ScenarioReader().parse(SCENARIO.formatted("0", """
                {"decisions": [{"parameter": "strategy.billing.price", "low": 3, "high": 15}], "budget": 50, "replications": 10}
                """), "small.json");
        Scenario s = doc.resolve();
        CancellationToken cancel = new CancellationToken();
        cancel.cancel();
        org.junit.jupiter.api.Assertions.assertThrows(org.cstrat.sim.engine.SimulationCancelledException.class,
                () -> new Optimiser(new SimulationEngine(1)).run(s, doc.optimisation(s), ProgressListener.NONE, cancel));
    }
}
