package org.cstrat.sim.spark;

import java.nio.file.Path;
import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.cstrat.sim.engine.CancellationToken;
import org.cstrat.sim.engine.SimulationResult;
import org.cstrat.sim.model.Scenario;
import org.cstrat.sim.report.CsvOutput;
import org.cstrat.sim.report.JsonOutput;
import org.cstrat.sim.report.SummaryTable;
import org.cstrat.sim.scenario.ScenarioException;
import org.cstrat.sim.scenario.ScenarioReader;

/**
 * The job jar's main class, for {@code spark-submit} on a cluster that has Spark (the jar holds the engine, not Spark):
 * {@code spark-submit --class org.cstrat.sim.spark.SparkSimulate cstrat-simulations-spark-job.jar FILE [--runs N]
 * [--seed S] [--partitions N] [--out results.json|.csv]}. FILE is a self-contained scenario the driver can read (a firm's
 * scenario: write it with {@code cstrat calibrate --firm F --out F.json} first). Exit codes as {@code cstrat simulate}.
 */
public final class SparkSimulate {
    private SparkSimulate() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length == 0 || args[0].startsWith("--")) {
            System.err.println("usage: SparkSimulate FILE [--runs N] [--seed S] [--partitions N] [--out results.json|.csv]");
            return 2;
        }
        Path file = Path.of(args[0]);
        Integer runs = null;
        Long seed = null;
        int partitions = 0;
        Path out = null;
        for (int i = 1; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                System.err.println("SparkSimulate: " + args[i] + " needs a value");
                return 2;
            }
            try {
                switch (args[i]) {
                    case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                    case "--seed" -> seed = Long.parseLong(args[i + 1]);
                    case "--partitions" -> partitions = Integer.parseInt(args[i + 1]);
                    case "--out" -> out = Path.of(args[i + 1]);
                    default -> {
                        System.err.println("SparkSimulate: unknown option " + args[i]);
                        return 2;
                    }
                }
            } catch (NumberFormatException e) {
                System.err.println("SparkSimulate: " + args[i] + " must be a number, got " + args[i + 1]);
                return 2;
            }
        }
        Scenario scenario;
        try {
            scenario = new ScenarioReader().readSelfContained(file);
            if (runs != null) {
                scenario = scenario.withRun(scenario.run().withReplications(runs));
            }
            if (seed != null) {
                scenario = scenario.withRun(scenario.run().withSeed(seed));
            }
        } catch (ScenarioException | IllegalArgumentException | java.io.UncheckedIOException e) {
            System.err.println("SparkSimulate: " + file + ": " + e.getMessage());
            return 2;
        }
        JavaSparkContext spark = JavaSparkContext.fromSparkContext(SparkContext.getOrCreate(new SparkConf().setAppName("cstrat simulate")));
        try (SparkSimulationRunner runner = new SparkSimulationRunner(spark, partitions)) {
            SimulationResult result = runner.run(scenario, (done, total) -> { }, new CancellationToken());
            System.out.print(SummaryTable.render(result));
            if (out != null) {
                if (out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
                    CsvOutput.write(result, out);
                } else {
                    JsonOutput.write(result, out);
                }
                System.out.println("Wrote " + out);
            }
        }
        return 0;
    }
}
