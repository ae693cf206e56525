package org.cstrat.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.cstrat.sim.Fixtures;
import org.cstrat.sim.model.ModelParameters;
import org.cstrat.sim.model.RunSettings;
import org.cstrat.sim.model.Scenario;
import org.junit.jupiter.api.Test;

/** A cancelled run stops inside a replication, not after it: the engine looks at the token once per block of customers. */
class CancellationTest {

    @Test
    void oneHugeReplicationStopsSoonAfterCancelAndTheEngineRunsTheNextScenario() throws Exception {
        // 10 M customers × 600 periods in one replication: minutes of work on one core.
        ModelParameters d = ModelParameters.defaults();
        ModelParameters huge = new ModelParameters(600, d.discountRate(), d.star(), d.behaviour(), d.costs(),
                List.of(Fixtures.segment("everyone", 10_000_000, 0)));
        Scenario scenario = Scenario.of("huge", huge, List.of(Fixtures.curated(9))).withRun(new RunSettings(1, 3, 1, 0));
        SimulationEngine engine = new SimulationEngine(1);
        CancellationToken cancel = new CancellationToken();
        CompletableFuture<SimulationResult> run = CompletableFuture.supplyAsync(
                () -> engine.run(scenario, ProgressListener.NONE, cancel));
        Thread.sleep(500);
        assertFalse(run.isDone(), "still running after 0.5 s");
        long cancelled = System.nanoTime();
        cancel.cancel();
        ExecutionException e = assertThrows(ExecutionException.class, () -> run.get(5, TimeUnit.SECONDS));
        Duration latency = Duration.ofNanos(System.nanoTime() - cancelled);
        assertInstanceOf(SimulationCancelledException.class, e.getCause());
        System.out.println("cancellation latency of one 10 M customer x 600 period replication: " + latency.toMillis() + " ms");
        assertTrue(latency.compareTo(Duration.ofSeconds(5)) < 0, latency::toString);

        SimulationResult next = engine.run(Fixtures.smallScenario(4, 1));
        assertEquals(4, next.replications());
    }
}
