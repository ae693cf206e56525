package org.cstrat.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.cstrat.sim.Fixtures;
import org.cstrat.sim.model.RunSettings;
import org.cstrat.sim.model.Scenario;
import org.cstrat.sim.model.UncertainParameter;
import org.junit.jupiter.api.Test;

class ReproducibilityTest {
    private static final Scenario SCENARIO = Fixtures.smallScenario(60, 99).withUncertainty(List.of(
            new UncertainParameter("segments[a].willingnessToPay", UncertainParameter.Shape.TRIANGULAR, 8, 10, 12)));

    private static PartialResult raw(int threads, Scenario s) {
        return new SimulationEngine(threads).runReplications(s, ProgressListener.NONE, CancellationToken.none());
    }

    @Test
    void sameSeedGivesBitIdenticalResults() {
        assertTrue(raw(2, SCENARIO).sameValues(raw(2, SCENARIO)));
    }

    @Test
    void differentSeedGivesDifferentResults() {
        assertFalse(raw(2, SCENARIO).sameValues(raw(2, SCENARIO.withRun(SCENARIO.run().withSeed(100)))));
    }

    @Test
    void resultsAreBitIdenticalOnOneTwoAndFourThreads() {
        PartialResult one = raw(1, SCENARIO);
        assertTrue(one.sameValues(raw(2, SCENARIO)), "1 vs 2 threads");
        assertTrue(one.sameValues(raw(4, SCENARIO)), "1 vs 4 threads");
        SimulationResult a = SimulationEngine.summarise(SCENARIO, one);
        SimulationResult b = new SimulationEngine(4).run(SCENARIO).withoutTiming();
        assertEquals(a, b);
    }

    @Test
    void replicationRangesMergeToTheSingleRun() {
        SimulationEngine engine = new SimulationEngine(2);
        PartialResult whole = raw(1, SCENARIO);
        List<PartialResult> parts = new ArrayList<>();
        // Out of order and uneven, as remote workers might return them.
        parts.add(engine.runRange(SCENARIO, 37, 60, ProgressListener.NONE, CancellationToken.none()));
        parts.add(engine.runRange(SCENARIO, 0, 11, ProgressListener.NONE, CancellationToken.none()));
        parts.add(engine.runRange(SCENARIO, 11, 37, ProgressListener.NONE, CancellationToken.none()));
        PartialResult merged = PartialResult.merge(parts);
        assertTrue(whole.sameValues(merged));
        assertEquals(SimulationEngine.summarise(SCENARIO, whole), SimulationEngine.summarise(SCENARIO, merged));
    }

    @Test
    void mergeRefusesGapsAndForeignParts() {
        SimulationEngine engine = new SimulationEngine(1);
        PartialResult a = engine.runRange(SCENARIO, 0, 5, ProgressListener.NONE, CancellationToken.none());
        PartialResult c = engine.runRange(SCENARIO, 6, 8, ProgressListener.NONE, CancellationToken.none());
        PartialResult other = engine.runRange(SCENARIO.withRun(SCENARIO.run().withSeed(1)), 5, 6, ProgressListener.NONE, CancellationToken.none());
        assertThrows(IllegalArgumentException.class, () -> PartialResult.merge(List.of(a, c)));
        assertThrows(IllegalArgumentException.class, () -> PartialResult.merge(List.of(a, other)));
        // A part computed by another engine version (a worker not yet upgraded) is refused, though it fits.
        PartialResult b = engine.runRange(SCENARIO, 5, 6, ProgressListener.NONE, CancellationToken.none());
        assertEquals(SimulationEngine.VERSION, b.engineVersion());
        List<double[]> bOutputs = new ArrayList<>();
        for (int s = 0; s < b.strategies().size(); s++) {
            bOutputs.add(b.outputs(s));
        }
        PartialResult older = PartialResult.of(b.scenario(), b.seed(), "1.0.0", 5, 6, b.layout(), b.strategies(), bOutputs);
        PartialResult same = PartialResult.of(b.scenario(), b.seed(), SimulationEngine.VERSION, 5, 6, b.layout(), b.strategies(), bOutputs);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PartialResult.merge(List.of(a, older, c)));
        assertTrue(e.getMessage().contains("1.0.0"), e.getMessage());
        assertTrue(PartialResult.merge(List.of(a, b, c)).sameValues(PartialResult.merge(List.of(a, same, c))));
    }

    @Test
    void earlyStoppingIsThreadCountInvariant() {
        Scenario s = SCENARIO.withRun(new RunSettings(400, 5, 20, 0.02));
        SimulationResult one = new SimulationEngine(1).run(s).withoutTiming();
        SimulationResult two = new SimulationEngine(2).run(s).withoutTiming();
        assertEquals(one, two);
        assertTrue(one.stoppedEarly(), "the target is loose enough to stop early");
        assertEquals(0, one.replications() % 20, "stops only at batch boundaries");
        assertTrue(one.strategies().stream().allMatch(r -> r.npv().relativeError() <= 0.02));
    }

    @Test
    void progressIsReportedOnTheCallingThreadUpToTheTotal() {
        List<long[]> calls = new ArrayList<>();
        Thread caller = Thread.currentThread();
        new SimulationEngine(2).run(SCENARIO, (done, total) -> {
            assertEquals(caller, Thread.currentThread());
            calls.add(new long[] {done, total});
        }, CancellationToken.none());
        long[] last = calls.get(calls.size() - 1);
        assertEquals(60, last[0]);
        assertEquals(60, last[1]);
        for (int i = 1; i < calls.size(); i++) {
            assertTrue(calls.get(i)[0] >= calls.get(i - 1)[0]);
        }
    }

    @Test
    void cancellationStopsTheRun() {
        CancellationToken token = new CancellationToken();
        Scenario big = SCENARIO.withRun(SCENARIO.run().withReplications(100_000));
        SimulationCancelledException e = assertThrows(SimulationCancelledException.class,
                () -> new SimulationEngine(2).run(big, (done, total) -> {
                    if (done > 0) {
                        token.cancel();
                    }
                }, token));
        assertTrue(e.getMessage().contains("of 100000"));
    }

    @Test
    void preCancelledTokenRunsNothing() {
        CancellationToken token = new CancellationToken();
        token.cancel();
        assertThrows(SimulationCancelledException.class, () -> new SimulationEngine(2).run(SCENARIO, ProgressListener.NONE, token));
    }
}
