package org.cstrat.server.cli;

import org.cstrat.input.FieldError;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.cstrat.server.app.Services;
import org.cstrat.server.neo4j.GraphConnection;
import org.cstrat.server.simulation.ScenarioInputException;
import org.cstrat.server.simulation.Scenarios;
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
import org.cstrat.sim.scenario.ScenarioDocument;
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

    /** Runs expected to take longer than this are announced on stderr with their estimate. */
    static final double ANNOUNCE_SECONDS = 60;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Scenario file (JSON).")
    Path file;

    @Option(names = "--runs", paramLabel = "N", description = "Replications (default: the scenario's run.replications).")
    Integer runs;

    @Option(names = "--seed", paramLabel = "S", description = "Master seed (default: the scenario's run.seed). The same seed gives the same results on any number of threads.")
    Long seed;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: all cores).")
    Integer threads;

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

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        validateOptions();
        Scenario scenario;
        try {
            scenario = load();
        } catch (ScenarioInputException e) {
            stderr.println("cstrat: " + e.getMessage() + ":");
            e.errors().forEach(error -> stderr.println("  " + error));
            return CommandLine.ExitCode.USAGE;
        } catch (TextFile.UnreadableException e) {
            stderr.println("cstrat: " + e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
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
        SimulationEngine engine = new SimulationEngine(threads == null ? Runtime.getRuntime().availableProcessors() : threads);
        WorkEstimate estimate = estimate(scenario, engine.threads());
        Optional<FieldError> excess = estimate.arrayOverflow().or(() -> estimate.exceedsMemory(
                WorkEstimate.usableHeap(Runtime.getRuntime().maxMemory()), WorkEstimate.RATE_PER_CORE_DEFAULT));
        if (excess.isPresent()) {
            FieldError e = excess.get();
            String option = runs != null && e.field().equals("$.run.replications") ? " (--runs)" : "";
            stderr.println("cstrat: " + file + ": the scenario is too large to run here, nothing was run:");
            stderr.println("  " + e.field() + option + " = " + e.value() + ": " + e.message());
            if (estimate.arrayOverflow().isEmpty()) { // the heap, which a larger -Xmx can give; no heap lengthens an array
                stderr.println("  (a larger heap: JAVA_OPTS=-Xmx<size> ./cstrat simulate ...)");
            }
            stderr.flush();
            return CommandLine.ExitCode.USAGE;
        }
        if (estimate.seconds(WorkEstimate.RATE_PER_CORE_DEFAULT) > ANNOUNCE_SECONDS) {
            stderr.println("cstrat: this is a long run: " + estimate.describe(WorkEstimate.RATE_PER_CORE_DEFAULT)
                    + " (Ctrl-C stops it)");
            stderr.flush();
        }
        CancellationToken cancel = new CancellationToken();
        Runtime.getRuntime().addShutdownHook(new Thread(cancel::cancel));
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
        if (threads != null && sparkMaster != null) {
            throw new ParameterException(spec.commandLine(), "--threads is for in-process runs; on Spark each task uses"
                    + " spark.task.cpus threads (JAVA_OPTS=-Dspark.task.cpus=N) and --spark-partitions sets the tasks per job");
        }
        if ((sparkPartitions != null || spec.commandLine().getParseResult().hasMatchedOption("--spark-timeout")) && sparkMaster == null) {
            throw new ParameterException(spec.commandLine(), "--spark-partitions and --spark-timeout need --spark-master");
        }
        if (threads != null && (threads < 1 || threads > 1024)) {
            throw new ParameterException(spec.commandLine(), "--threads must be between 1 and 1024, got " + threads);
        }
        if (out != null) {
            String name = out.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            if (!name.endsWith(".json") && !name.endsWith(".csv")) {
                throw new ParameterException(spec.commandLine(), "--out must end in .json or .csv, got " + out);
            }
            checkWritable(out.toAbsolutePath().normalize());
        }
    }

    /** --out must be a file this process can create or replace, checked before hours of simulation, not after. */
    private void checkWritable(Path target) {
        if (Files.isDirectory(target)) {
            throw new ParameterException(spec.commandLine(), "--out must name a file, but " + target + " is a directory");
        }
        Path parent = target.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new ParameterException(spec.commandLine(), "--out: the directory " + parent + " does not exist"
                    + (parent != null && Files.exists(parent) ? " (it is a file)" : "") + "; create it first");
        }
        if (!Files.isWritable(parent) || (Files.exists(target) && !Files.isWritable(target))) {
            throw new ParameterException(spec.commandLine(), "--out: " + target + " cannot be written (no permission)");
        }
    }

    private Scenario load() throws IOException {
        String json = TextFile.read(file, "scenario file");
        Scenarios scenarios = new Scenarios();
        ScenarioDocument doc = scenarios.parse(json, file.toString());
        if (doc.selfContained()) {
            return scenarios.resolve(doc, file.toString(), Optional.empty());
        }
        try (GraphConnection connection = graph.connect(); Services services = Services.over(connection)) {
            return scenarios.resolve(doc, file.toString(), Optional.of(services.firmCalibration()));
        }
    }
}
