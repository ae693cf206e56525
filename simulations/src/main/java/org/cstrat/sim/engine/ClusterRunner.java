package org.cstrat.sim.engine;

import java.time.Duration;
import org.cstrat.sim.SimulationException;

/**
 * A {@link SimulationRunner} on a cluster (Spark, ...), holding a connection to it until closed. Implementations are
 * found with {@link java.util.ServiceLoader} through their {@link Factory}, so that a program (the CLI) can offer them
 * without depending on the cluster's libraries: they are on the classpath only when asked for.
 */
public interface ClusterRunner extends SimulationRunner, AutoCloseable {

    /** Where it runs, for messages, e.g. "Spark local[2] (2 cores)". */
    String describe();

    /** Cores the cluster gives this runner's jobs (Spark's default parallelism), for rates per core. */
    int cores();

    /** Releases the cluster connection (stops the Spark context); never throws. */
    @Override
    void close();

    /** Creates runners; registered in {@code META-INF/services/org.cstrat.sim.engine.ClusterRunner$Factory}. */
    interface Factory {
        /** The option's name, e.g. "spark". */
        String name();

        /**
         * Connects to {@code master} and returns a runner once the cluster answers.
         *
         * @param partitions replication ranges per job, 0 for the runner's default
         * @param timeout    how long to wait for the cluster to answer before giving up
         * @throws ClusterException when the master cannot be reached within {@code timeout} (the message names it)
         */
        ClusterRunner connect(String master, int partitions, Duration timeout);
    }

    /** The cluster did not answer, or failed the job; the message names the master and what happened. */
    final class ClusterException extends SimulationException {
        private static final long serialVersionUID = 1L;

        public ClusterException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
