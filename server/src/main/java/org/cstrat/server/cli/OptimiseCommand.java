package org.cstrat.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.cstrat.sim.engine.CancellationToken;
import org.cstrat.sim.engine.SimulationEngine;
import org.cstrat.sim.model.Scenario;
import org.cstrat.sim.optimise.OptimisationResult;
import org.cstrat.sim.optimise.OptimisationSpec;
import org.cstrat.sim.optimise.Optimiser;
import org.cstrat.sim.report.OptimisationReport;
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

    @Option(names = "--out", paramLabel = "FILE", description = "Write the result: .json (full, with every search evaluation) or .csv (long table).")
    Path out;

    /** The graph, for scenarios that name a firm. */
    @Mixin
    ReadTarget graph;

    /** --threads, and the reading, size check, notice and Ctrl-C shared with simulate. */
    @Mixin
    ScenarioRunOptions scenarioRun;

    /** The scenario as this run sees it (--seed applied) and the problem its file declares. */
    private record Problem(Scenario scenario, OptimisationSpec problem) {
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        validateOptions();
        Optional<Problem> read = scenarioRun.read(file, graph, (doc, resolved) -> {
            Scenario scenario = seed == null ? resolved : resolved.withRun(resolved.run().withSeed(seed));
            return new Problem(scenario, doc.optimisation(scenario));
        });
        if (read.isEmpty()) {
            return CommandLine.ExitCode.USAGE;
        }
        Scenario scenario = read.get().scenario();
        OptimisationSpec problem = read.get().problem();
        if (budget != null) {
            problem = problem.withBudget(budget);
        }
        if (runs != null) {
            problem = problem.withReplications(runs);
        }
        SimulationEngine engine = scenarioRun.engine();
        if (!scenarioRun.admits(Optimiser.estimate(scenario, problem, engine.threads()), file, ScenarioRunOptions.Work.OPTIMISATION,
                Map.of())) {
            return CommandLine.ExitCode.USAGE;
        }
        CancellationToken cancel = ScenarioRunOptions.cancelledByInterrupt();
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

    private void validateOptions() {
        if (budget != null && (budget < 2 || budget > OptimisationSpec.BUDGET_MAX)) {
            throw new ParameterException(spec.commandLine(), "--budget must be between 2 and " + OptimisationSpec.BUDGET_MAX + ", got " + budget);
        }
        if (runs != null && (runs < 2 || runs > 1_000_000)) {
            throw new ParameterException(spec.commandLine(), "--runs must be between 2 and 1000000, got " + runs);
        }
        scenarioRun.validate();
        OutputFile.check(spec, out, ".json", ".csv");
    }
}
