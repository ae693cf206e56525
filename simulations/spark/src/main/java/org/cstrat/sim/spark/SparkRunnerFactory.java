package org.cstrat.sim.spark;

import java.time.Duration;
import org.cstrat.sim.engine.ClusterRunner;

/** Offers {@link SparkSimulationRunner} to programs that look for a {@link ClusterRunner.Factory} named "spark". */
public final class SparkRunnerFactory implements ClusterRunner.Factory {
    @Override
    public String name() {
        return "spark";
    }

    @Override
    public ClusterRunner connect(String master, int partitions, Duration timeout) {
        return SparkSimulationRunner.connect(master, partitions, timeout);
    }
}
