package org.cstrat.sim.engine;

import java.util.ArrayList;
import java.util.List;
import org.cstrat.sim.model.Scenario;

/**
 * What runs a scenario's replications: the in-process {@link SimulationEngine}, or a runner that sends replication
 * ranges to other machines (e.g. the Spark module's) and merges their {@link PartialResult}s in replication order. Every
 * runner gives the bit-identical result of {@link SimulationEngine} for the same scenario and seed (less
 * {@link SimulationResult#elapsedMillis()}). The tornado and the heatmap are written against this interface.
 */
public interface SimulationRunner {

    /**
     * Runs and summarises the scenario.
     *
     * @throws SimulationCancelledException when {@code cancel} is cancelled or the caller is interrupted
     */
    SimulationResult run(Scenario scenario, ProgressListener listener, CancellationToken cancel);

    /**
     * Runs independent scenarios (e.g. a tornado's evaluations) and returns their results in the same order;
     * {@code listener} sees the replications of all of them together. This one runs them one after the other; a
     * distributed runner may run them all in one job.
     */
    default List<SimulationResult> runAll(List<Scenario> scenarios, ProgressListener listener, CancellationToken cancel) {
        long grand = scenarios.stream().mapToLong(s -> s.run().replications()).sum();
        List<SimulationResult> out = new ArrayList<>(scenarios.size());
        long done = 0;
        for (Scenario s : scenarios) {
            out.add(run(s, listener.offset(done, grand), cancel));
            done += s.run().replications();
        }
        return out;
    }
}
