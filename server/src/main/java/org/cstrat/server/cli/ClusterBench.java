package org.cstrat.server.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;

import org.cstrat.sim.bench.EngineBenchmark;
import org.cstrat.sim.engine.CancellationToken;
import org.cstrat.sim.engine.ClusterRunner;
import org.cstrat.sim.engine.ProgressListener;
import org.cstrat.sim.engine.SimulationEngine;
import org.cstrat.sim.engine.SimulationResult;
import org.cstrat.sim.engine.WorkEstimate;
import org.cstrat.sim.model.Scenario;

/**
 * {@code cstrat bench simulation --spark-master URL}: the engine's benchmark scenario in-process (as many threads as the
 * cluster has cores) and on the cluster, on the same replications and seed, in alternating rounds; prints
 * customer-periods per second of both, their ratio, the cluster's fixed costs (start-up, per job) and whether the results
 * were identical. Figures only, never pass/fail.
 */
final class ClusterBench {
    private static final int ROUNDS = 2;

    private ClusterBench() {
    }

    /** The cluster runner factory named {@code name} on the classpath, if any (also what {@code simulate --spark-master} uses). */
    static Optional<ClusterRunner.Factory> factory(String name) {
        return ServiceLoader.load(ClusterRunner.Factory.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.name().equals(name)).findFirst();
    }

    static int run(ClusterRunner.Factory factory, String master, int partitions, double seconds, PrintWriter out) {
        Scenario bench = EngineBenchmark.scenario();
        double perReplication = WorkEstimate.customerPeriods(bench.parameters()) * bench.strategies().size();
        out.printf(Locale.ROOT, "model: 10,000 customers x 36 periods per replication (%,.0f customer-periods), %s; load average %.2f%n",
                perReplication, bench.baseline().name(), load());
        long t0 = System.nanoTime();
        try (ClusterRunner cluster = factory.connect(master, partitions, Duration.ofSeconds(60))) {
            double startup = (System.nanoTime() - t0) / 1e9;
            int cores = cluster.cores();
            out.printf(Locale.ROOT, "%s started in %.1f s%n", cluster.describe(), startup);
            out.flush();
            SimulationEngine engine = new SimulationEngine(cores);
            // Warm both paths (C2 compiles the hot loop; Spark ships its first tasks), then size the run to `seconds` in-process.
            time(engine, bench, 4 * cores);
            time(cluster, bench, 4 * cores); // the first job also pays Spark's one-off costs (serialisers, task code)
            double tiny = time(cluster, bench, cores);
            int replications = 4 * cores;
            double s;
            while ((s = time(engine, bench, replications)) < 0.8 * seconds) {
                replications = (int) Math.min(1_000_000, Math.max(2L * replications, Math.ceil(replications * seconds / Math.max(s, 1e-3))));
            }
            Scenario run = bench.withRun(bench.run().withReplications(replications));
            double bestLocal = s;
            double bestCluster = Double.MAX_VALUE;
            boolean identical = true;
            double minLoad = load();
            double maxLoad = minLoad;
            for (int round = 1; round <= ROUNDS; round++) {
                double l = load();
                minLoad = Math.min(minLoad, l);
                maxLoad = Math.max(maxLoad, l);
                long a = System.nanoTime();
                SimulationResult local = engine.run(run);
                double sl = (System.nanoTime() - a) / 1e9;
                long b = System.nanoTime();
                SimulationResult remote = cluster.run(run, ProgressListener.NONE, new CancellationToken());
                double sc = (System.nanoTime() - b) / 1e9;
                identical &= local.withoutTiming().equals(remote.withoutTiming());
                bestLocal = Math.min(bestLocal, sl);
                bestCluster = Math.min(bestCluster, sc);
                out.printf(Locale.ROOT, "round %d (load %.2f): in-process %.1f s, cluster %.1f s for %,d replications%n", round, l, sl, sc,
                        replications);
                out.flush();
            }
            double work = perReplication * replications;
            double localRate = work / bestLocal;
            double clusterRate = work / bestCluster;
            double tinyWork = perReplication * cores / localRate;
            out.printf(Locale.ROOT, "in-process (%d threads): %8.1f M customer-periods/s (%.1f M per core)%n", cores, localRate / 1e6,
                    localRate / cores / 1e6);
            out.printf(Locale.ROOT, "cluster (%d cores)     : %8.1f M customer-periods/s (%.1f M per core), job of %.1f s%n", cores,
                    clusterRate / 1e6, clusterRate / cores / 1e6, bestCluster);
            out.printf(Locale.ROOT, "ratio cluster / in-process: %.1f%% (target >= 80%% on local[2] for a run of >= 30 s)%n",
                    100 * clusterRate / localRate);
            out.printf(Locale.ROOT, "fixed costs: start-up %.1f s (once per command), job overhead about %.2f s (a job of %d replications:"
                    + " %.2f s, of which work %.2f s)%n", startup, Math.max(0, tiny - tinyWork), cores, tiny, tinyWork);
            out.printf(Locale.ROOT, "results identical to in-process: %s; load average after %.2f (during the rounds %.2f - %.2f; other"
                    + " processes on these cores distort the figures)%n", identical ? "yes" : "NO", load(), minLoad, maxLoad);
            out.flush();
            return identical ? 0 : 1;
        }
    }

    private static double time(SimulationEngine engine, Scenario s, int replications) {
        long t = System.nanoTime();
        engine.run(s.withRun(s.run().withReplications(replications)));
        return (System.nanoTime() - t) / 1e9;
    }

    private static double time(ClusterRunner cluster, Scenario s, int replications) {
        long t = System.nanoTime();
        cluster.run(s.withRun(s.run().withReplications(replications)), ProgressListener.NONE, new CancellationToken());
        return (System.nanoTime() - t) / 1e9;
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
