package org.cstrat.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.cstrat.sim.compare.Heatmap;
import org.cstrat.sim.compare.HeatmapMapping;
import org.cstrat.sim.compare.Tornado;
import org.cstrat.sim.engine.CancellationToken;
import org.cstrat.sim.engine.ClusterRunner;
import org.cstrat.sim.engine.SimulationEngine;
import org.cstrat.sim.engine.SimulationResult;
import org.cstrat.sim.engine.SimulationRunner;
import org.cstrat.sim.engine.WorkEstimate;
import org.cstrat.sim.model.RunSettings;
import org.cstrat.sim.model.Scenario;
import org.cstrat.sim.report.CsvOutput;
import org.cstrat.sim.report.JsonOutput;
import org.cstrat.sim.report.SummaryTable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code cstrat simulate FILE}: run a scenario's strategies, print a summary, optionally write all results. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Run the Monte Carlo simulation of a scenario file (format: simulations/scenarios/scenario.schema.json)",
                "and print a summary table: NPV, revenue, customers per strategy, comparisons on common random numbers,",
                "the efficiency frontier and price dispersion. A scenario with \"firm\": \"<id>\" is calibrated from that",
                "firm's data in the workbench graph (the running workbench on --data, or --neo4j-uri / NEO4J_URI), with the",
                "fitted uncertainty of that data as uncertain parameters; the file supplies overrides.",
                "Before it runs it estimates the work (customer-periods, analyses included) and the heap: a scenario whose outputs",
                "cannot fit an array or this JVM's heap is refused naming the field to change; a long run is announced with its",
                "expected duration.",
                "Exit codes: 0 done, 1 failure (e.g. no graph reachable), 2 bad scenario, options or sizes (each error names its",
                "JSON path or option)."})
public final class SimulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Scenario file (JSON).")
    Path file;

    @Option(names = "--runs", paramLabel = "N", description = "Replications (default: the scenario's run.replications).")
    Integer runs;

    @Option(names = "--seed", paramLabel = "S", description = "Master seed (default: the scenario's run.seed). The same seed gives the same results on any number of threads.")
    Long seed;

    @Option(names = "--out", paramLabel = "FILE", description = "Write every result: .json (full) or .csv (long table).")
    Path out;

    @Option(names = "--tornado", paramLabel = "STRATEGY", description = "Also swing every parameter ±20 %% for this strategy (up to " + Tornado.REPLICATIONS_DEFAULT
            + " replications each, common random numbers) and print the tornado.")
    String tornado;

    @Option(names = "--heatmap", paramLabel = "STRATEGY", description = "Also simulate this strategy in each of the 20 matrix cells and print the heatmap.")
    String heatmap;

    @Option(names = "--spark-master", paramLabel = "URL", description = {"Run the replications (and the tornado's and heatmap's) as Apache Spark tasks on this master:",
            "local[N], spark://host:7077, k8s://https://host:port or yarn. Same results as in-process for the same seed.",
            "Needs the Spark module (./cstrat puts it on the classpath when this option is given)."})
    String sparkMaster;

    @Option(names = "--spark-partitions", paramLabel = "N", description = "Replication ranges per Spark job (default: 4 per core of the cluster).")
    Integer sparkPartitions;

    @Option(names = "--spark-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long to wait for the Spark master to answer and give an executor (default: ${DEFAULT-VALUE}).")
    int sparkTimeout;

    /** The graph, for scenarios that name a firm. */
    @Mixin
    ReadTarget graph;

    /** --threads, and the reading, size check, notice and Ctrl-C shared with optimise. */
    @Mixin
    ScenarioRunOptions scenarioRun;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        validateOptions();
        Optional<Scenario> read = scenarioRun.read(file, graph, (doc, resolved) -> resolved);
        if (read.isEmpty()) {
            return CommandLine.ExitCode.USAGE;
        }
        Scenario scenario = read.get();
        for (String name : new String[] {tornado, heatmap}) {
            if (name != null && scenario.strategies().stream().noneMatch(s -> s.name().equals(name))) {
                throw new ParameterException(spec.commandLine(), "No strategy named '" + name + "' in " + file + "; it has "
                        + scenario.strategies().stream().map(s -> s.name()).toList());
            }
        }
        if (runs != null) {
            scenario = scenario.withRun(scenario.run().withReplications(runs));
        }
        if (seed != null) {
            scenario = scenario.withRun(scenario.run().withSeed(seed));
        }
        SimulationEngine engine = scenarioRun.engine();
        if (!scenarioRun.admits(estimate(scenario, engine.threads()), file, ScenarioRunOptions.Work.SIMULATION,
                runs == null ? Map.of() : Map.of("$.run.replications", "--runs"))) {
            return CommandLine.ExitCode.USAGE;
        }
        CancellationToken cancel = ScenarioRunOptions.cancelledByInterrupt();
        if (sparkMaster == null) {
            return run(scenario, engine, cancel, stdout, stderr);
        }
        ClusterRunner.Factory spark = ClusterBench.factory("spark").orElse(null);
        if (spark == null) {
            stderr.println("cstrat: --spark-master needs the Spark module (simulations/spark) on the classpath; ./cstrat adds it"
                    + " when it is built (mvn -B package)");
            return 1;
        }
        try (ClusterRunner cluster = spark.connect(sparkMaster, sparkPartitions == null ? 0 : sparkPartitions,
                Duration.ofSeconds(sparkTimeout))) {
            stderr.println("cstrat: running on " + cluster.describe());
            stderr.flush();
            return run(scenario, cluster, cancel, stdout, stderr);
        } catch (ClusterRunner.ClusterException e) {
            stderr.println("cstrat: " + e.getMessage());
            return 1;
        }
    }

    /** Runs the simulation and the asked-for analyses on {@code engine} (in-process or a cluster), prints and writes them. */
    private int run(Scenario scenario, SimulationRunner engine, CancellationToken cancel, PrintWriter stdout, PrintWriter stderr)
            throws IOException {
        ProgressBar bar = ProgressBar.forConsole(stderr, "simulating");
        SimulationResult result = engine.run(scenario, bar::update, cancel);
        stdout.print(SummaryTable.render(result));
        if (tornado != null) {
            ProgressBar tornadoBar = ProgressBar.forConsole(stderr, "tornado");
            stdout.print(SummaryTable.render(new Tornado(engine).run(scenario, tornado, Tornado.SWING_DEFAULT,
                    Tornado.replications(scenario), List.of(), tornadoBar::update, cancel)));
        }
        if (heatmap != null) {
            ProgressBar heatmapBar = ProgressBar.forConsole(stderr, "heatmap");
            stdout.print(SummaryTable.render(new Heatmap(engine, HeatmapMapping.defaults()).run(scenario, heatmap,
                    null, result.replications(), result, heatmapBar::update, cancel))); // own cell = the table's row
        }
        if (out != null) {
            String name = out.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            if (name.endsWith(".csv")) {
                CsvOutput.write(result, out);
            } else {
                JsonOutput.write(result, out);
            }
            stdout.println("Wrote " + out);
        }
        stdout.flush();
        return 0;
    }

    /** The work and heap of this command's run: the simulation, then the tornado and the heatmap if asked for. */
    private WorkEstimate estimate(Scenario scenario, int threadCount) {
        WorkEstimate estimate = WorkEstimate.of(scenario, threadCount);
        if (tornado != null) {
            estimate = estimate.withTornado(Tornado.evaluations(scenario, tornado, Tornado.SWING_DEFAULT, List.of()), Tornado.replications(scenario));
        }
        if (heatmap != null) {
            estimate = estimate.withHeatmap(Heatmap.CELLS, scenario.run().replications());
        }
        return estimate;
    }

    private void validateOptions() {
        if (runs != null && (runs < 1 || runs > RunSettings.REPLICATIONS_MAX)) {
            throw new ParameterException(spec.commandLine(), "--runs must be between 1 and " + RunSettings.REPLICATIONS_MAX + ", got " + runs);
        }
        if (sparkPartitions != null && (sparkPartitions < 1 || sparkPartitions > 1_000_000)) {
            throw new ParameterException(spec.commandLine(), "--spark-partitions must be between 1 and 1000000, got " + sparkPartitions);
        }
        if (sparkTimeout < 1 || sparkTimeout > 3600) {
            throw new ParameterException(spec.commandLine(), "--spark-timeout must be between 1 and 3600 seconds, got " + sparkTimeout);
        }
        if (scenarioRun.threads != null && sparkMaster != null) {
            throw new ParameterException(spec.commandLine(), "--threads is for in-process runs; on Spark each task uses"
                    + " spark.task.cpus threads (JAVA_OPTS=-Dspark.task.cpus=N) and --spark-partitions sets the tasks per job");
        }
        if ((sparkPartitions != null || spec.commandLine().getParseResult().hasMatchedOption("--spark-timeout")) && sparkMaster == null) {
            throw new ParameterException(spec.commandLine(), "--spark-partitions and --spark-timeout need --spark-master");
        }
        scenarioRun.validate();
        OutputFile.check(spec, out, ".json", ".csv");
    }
}
