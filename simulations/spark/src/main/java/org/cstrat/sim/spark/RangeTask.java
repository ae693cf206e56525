package org.cstrat.sim.spark;

import java.io.Serializable;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.util.LongAccumulator;
import org.cstrat.sim.engine.CancellationToken;
import org.cstrat.sim.engine.PartialResult;
import org.cstrat.sim.engine.SimulationEngine;
import org.cstrat.sim.model.Scenario;

/**
 * What an executor runs for one partition: decodes the evaluation's scenario, computes its replication range with the
 * in-process engine ({@code spark.task.cpus} threads) and returns the raw outputs. Progress goes to a Spark
 * accumulator, which executors report with their heartbeats while the task runs; a killed task (job cancelled) stops at
 * the engine's next look at its cancellation token.
 */
final class RangeTask implements Function<ReplicationRange, RangeOutput> {
    private static final long serialVersionUID = 1L;

    /** Called before each attempt; tests inject a failure with it (the runner's default does nothing). */
    @FunctionalInterface
    interface Fault extends Serializable {
        Fault NONE = (partition, attempt) -> { };

        void before(int partition, int attempt);
    }

    private final byte[][] scenarios;
    private final LongAccumulator progress;
    private final Fault fault;

    RangeTask(byte[][] scenarios, LongAccumulator progress, Fault fault) {
        this.scenarios = scenarios;
        this.progress = progress;
        this.fault = fault;
    }

    @Override
    public RangeOutput call(ReplicationRange range) {
        TaskContext context = TaskContext.get();
        fault.before(context.partitionId(), context.attemptNumber());
        Scenario scenario = ScenarioCodec.decode(scenarios[range.evaluation()]);
        CancellationToken cancel = new CancellationToken();
        long[] reported = {0};
        PartialResult part = new SimulationEngine(Math.max(1, context.cpus())).runRange(scenario, range.from(), range.to(),
                (done, total) -> {
                    progress.add(done - reported[0]);
                    reported[0] = done;
                    if (context.isInterrupted()) {
                        cancel.cancel();
                    }
                }, cancel);
        return RangeOutput.of(range.evaluation(), part);
    }
}
