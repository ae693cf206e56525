package org.cstrat.server.cli;

import org.cstrat.input.FieldError;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.cstrat.server.neo4j.GraphConnection;
import org.cstrat.server.simulation.Neo4jFirmCalibration;
import org.cstrat.server.simulation.ScenarioInputException;
import org.cstrat.server.simulation.Scenarios;
import org.cstrat.sim.engine.CancellationToken;
import org.cstrat.sim.engine.SimulationEngine;
import org.cstrat.sim.engine.WorkEstimate;
import org.cstrat.sim.model.Scenario;
import org.cstrat.sim.optimise.OptimisationResult;
import org.cstrat.sim.optimise.OptimisationSpec;
import org.cstrat.sim.optimise.Optimiser;
import org.cstrat.sim.report.OptimisationReport;
import org.cstrat.sim.scenario.ScenarioDocument;
import org.cstrat.sim.scenario.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cstrat optimise FILE}: search a scenario's decision variables for the best objective under risk constraints. */
@Command(name = "optimise", aliases = "optimize", mixinStandardHelpOptions = true,
        description = {"Optimise the decision variables a scenario file declares under \"optimisation\" (decisions with bounds or",
                "sets of values, an objective such as mean NPV or P5, risk constraints): CMA-ES and a compass search on common",
                "random numbers, then the best candidates re-evaluated on fresh streams. Prints the best decision with its",
                "objective's 95 %% interval, P(best beats the current strategy), each constraint and the runners-up; the",
                "figure of evaluations per second is in the summary. Method and limits: simulations/README.md, \"Optimisation\".",
                "Exit codes: 0 done, 1 failure (e.g. no graph reachable), 2 bad scenario or options, or an infeasible problem",
                "(no candidate met the constraints: the least-violating one is printed and written, the constraints named)."})
public final class OptimiseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Scenario file (JSON) with an \"optimisation\" object.")
    Path file;

    @Option(names = "--budget", paramLabel = "N", description = "Simulations in the search (default: the file's optimisation.budget, else 100).")
    Integer budget;

    @Option(names = "--runs", paramLabel = "R", description = "Replications per search evaluation (default: the file's optimisation.replications, else "
            + OptimisationSpec.REPLICATIONS_DEFAULT + "); the re-evaluation runs at least 5 R.")
    Integer runs;

    @Option(names = "--seed", paramLabel = "S", description = "Master seed of the search (default: the scenario's run.seed); the re-evaluation's is derived from it.")
    Long seed;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the result: .json (full, with every search evaluation) or .csv (long table).")
    Path out;

    /** The graph, for scenarios that name a firm. */
    @Mixin
    ReadTarget graph;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        validateOptions();
        Scenario scenario;
        OptimisationSpec problem;
        try {
            String json = TextFile.read(file, "scenario file");
            Scenarios scenarios = new Scenarios();
            ScenarioDocument doc = scenarios.parse(json, file.toString());
            scenario = resolve(scenarios, doc);
            if (seed != null) {
                scenario = scenario.withRun(scenario.run().withSeed(seed));
            }
            try {
                problem = doc.optimisation(scenario);
            } catch (ScenarioException e) {
                throw new ScenarioInputException(file.toString(), e.errors());
            }
        } catch (ScenarioInputException e) {
            stderr.println("cstrat: " + e.getMessage() + ":");
            e.errors().forEach(error -> stderr.println("  " + error));
            stderr.flush();
            return CommandLine.ExitCode.USAGE;
        } catch (TextFile.UnreadableException e) {
            stderr.println("cstrat: " + e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        if (budget != null) {
            problem = problem.withBudget(budget);
        }
        if (runs != null) {
            problem = problem.withReplications(runs);
        }
        SimulationEngine engine = new SimulationEngine(threads == null ? Runtime.getRuntime().availableProcessors() : threads);
        WorkEstimate estimate = Optimiser.estimate(scenario, problem, engine.threads());
        Optional<FieldError> excess = estimate.arrayOverflow().or(() -> estimate.exceedsMemory(
                WorkEstimate.usableHeap(Runtime.getRuntime().maxMemory()), WorkEstimate.RATE_PER_CORE_DEFAULT));
        if (excess.isPresent()) {
            FieldError e = excess.get();
            stderr.println("cstrat: " + file + ": the optimisation is too large to run here, nothing was run:");
            stderr.println("  " + e.field() + " = " + e.value() + ": " + e.message());
            stderr.flush();
            return CommandLine.ExitCode.USAGE;
        }
        if (estimate.seconds(WorkEstimate.RATE_PER_CORE_DEFAULT) > SimulateCommand.ANNOUNCE_SECONDS) {
            stderr.println("cstrat: this is a long optimisation: at most " + estimate.describe(WorkEstimate.RATE_PER_CORE_DEFAULT)
                    + " (Ctrl-C stops it)");
            stderr.flush();
        }
        CancellationToken cancel = new CancellationToken();
        Runtime.getRuntime().addShutdownHook(new Thread(cancel::cancel));
        ProgressBar bar = ProgressBar.forConsole(stderr, "optimising");
        OptimisationResult result = new Optimiser(engine).run(scenario, problem, bar::update, cancel);
        stdout.print(OptimisationReport.render(result));
        if (out != null) {
            OptimisationReport.write(result, out);
            stdout.println("Wrote " + out);
        }
        stdout.flush();
        if (result.status() == OptimisationResult.Status.INFEASIBLE) {
            stderr.println("cstrat: " + file + ": infeasible: no candidate met every constraint; the least-violating one is shown:");
            result.best().constraints().stream().filter(c -> !c.held()).forEach(c -> stderr.println(String.format(Locale.ROOT,
                    "  $.optimisation.constraints[%d] = %s: missed, the best reached %.6g", c.index(), c.constraint(), c.value())));
            stderr.flush();
            return CommandLine.ExitCode.USAGE;
        }
        return 0;
    }

    private Scenario resolve(Scenarios scenarios, ScenarioDocument doc) {
        if (doc.selfContained()) {
            return scenarios.resolve(doc, file.toString(), Optional.empty());
        }
        try (GraphConnection connection = graph.connect()) {
            return scenarios.resolve(doc, file.toString(), Optional.of(new Neo4jFirmCalibration(connection.driver())));
        }
    }

    private void validateOptions() {
        if (budget != null && (budget < 2 || budget > OptimisationSpec.BUDGET_MAX)) {
            throw new ParameterException(spec.commandLine(), "--budget must be between 2 and " + OptimisationSpec.BUDGET_MAX + ", got " + budget);
        }
        if (runs != null && (runs < 2 || runs > 1_000_000)) {
            throw new ParameterException(spec.commandLine(), "--runs must be between 2 and 1000000, got " + runs);
        }
        if (threads != null && (threads < 1 || threads > 1024)) {
            throw new ParameterException(spec.commandLine(), "--threads must be between 1 and 1024, got " + threads);
        }
        if (out != null) {
            String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!name.endsWith(".json") && !name.endsWith(".csv")) {
                throw new ParameterException(spec.commandLine(), "--out must end in .json or .csv, got " + out);
            }
            Path parent = out.toAbsolutePath().normalize().getParent();
            if (Files.isDirectory(out) || parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent)) {
                throw new ParameterException(spec.commandLine(), "--out must name a writable file in an existing directory, got " + out);
            }
        }
    }
}
