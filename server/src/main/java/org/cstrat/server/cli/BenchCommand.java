package org.cstrat.server.cli;

import java.util.concurrent.Callable;

import org.cstrat.sim.bench.EngineBenchmark;
import org.cstrat.sim.bench.OptimiserBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cstrat bench}: benchmarks that print figures and ratios (never pass/fail). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks that print figures; run them on a quiet machine.",
        subcommands = {BenchCommand.Simulation.class, BenchCommand.Optimiser.class, MatrixBenchCommand.class, ImportBenchCommand.class,
                HttpBenchCommand.class, StartupBenchCommand.class})
public final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code cstrat bench simulation [SECONDS]}: the engine's customer-periods per second. */
    @Command(name = "simulation", mixinStandardHelpOptions = true,
            description = {"Customer-periods per second for 10,000 customers x 36 periods with 1 and 2 threads,",
                    "the ratio to a loop that only draws the same count of random numbers, 1->2 thread scaling, memory.",
                    "With --spark-master: the same scenario in-process and on Spark (same replications and seed), both rates,",
                    "their ratio and Spark's fixed costs."})
    static final class Simulation implements Callable<Integer> {

        @Parameters(index = "0", arity = "0..1", paramLabel = "SECONDS",
                description = "Seconds per measurement (default: 3; 30 with --spark-master).")
        Integer seconds;

        @Option(names = "--spark-master", paramLabel = "URL", description = "Also run on this Spark master (e.g. local[2]) and compare.")
        String sparkMaster;

        @Option(names = "--spark-partitions", paramLabel = "N", description = "Replication ranges per Spark job (default: 4 per core).")
        int sparkPartitions;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (seconds != null && (seconds < 1 || seconds > 3600)) {
                throw new ParameterException(spec.commandLine(), "SECONDS must be between 1 and 3600, got " + seconds);
            }
            if (sparkMaster == null) {
                EngineBenchmark.main(new String[] {Integer.toString(seconds == null ? 3 : seconds)});
                return 0;
            }
            var spark = ClusterBench.factory("spark");
            if (spark.isEmpty()) {
                spec.commandLine().getErr().println("cstrat: --spark-master needs the Spark module (simulations/spark) on the classpath;"
                        + " ./cstrat adds it when it is built (mvn -B package)");
                return 1;
            }
            try {
                return ClusterBench.run(spark.get(), sparkMaster, Math.max(0, sparkPartitions), seconds == null ? 30 : seconds,
                        spec.commandLine().getOut());
            } catch (org.cstrat.sim.engine.ClusterRunner.ClusterException e) {
                spec.commandLine().getErr().println("cstrat: " + e.getMessage());
                return 1;
            }
        }
    }

    /** {@code cstrat bench optimiser [ROUNDS]}: the optimiser's evaluations per second and its overhead over a plain run. */
    @Command(name = "optimiser", aliases = "optimizer", mixinStandardHelpOptions = true,
            description = {"Evaluations per second of cstrat optimise (60 evaluations x 100 replications of 2,000 customers x 12",
                    "periods) with 1 and 2 threads, against one plain simulation of the same replications."})
    static final class Optimiser implements Callable<Integer> {

        @Parameters(index = "0", arity = "0..1", paramLabel = "ROUNDS", defaultValue = "3",
                description = "Rounds; the best is kept (default: ${DEFAULT-VALUE}).")
        int rounds;

        @Override
        public Integer call() {
            OptimiserBenchmark.main(new String[] {Integer.toString(rounds)});
            return 0;
        }
    }
}
