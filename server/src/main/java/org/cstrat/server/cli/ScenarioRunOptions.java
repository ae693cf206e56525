package org.cstrat.server.cli;

import org.cstrat.input.FieldError;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.cstrat.server.app.Services;
import org.cstrat.server.neo4j.GraphConnection;
import org.cstrat.server.simulation.ScenarioInputException;
import org.cstrat.server.simulation.Scenarios;
import org.cstrat.sim.engine.CancellationToken;
import org.cstrat.sim.engine.SimulationEngine;
import org.cstrat.sim.engine.WorkEstimate;
import org.cstrat.sim.model.Scenario;
import org.cstrat.sim.scenario.ScenarioDocument;
import org.cstrat.sim.scenario.ScenarioException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What {@code simulate} and {@code optimise} share, a picocli mixin: the {@code --threads} option and the handling
 * around a run of a scenario file: reading and resolving the file (a firm's scenario calibrated from the graph), with
 * a bad file reported on stderr (exit code 2); {@code --out} checked before the work; a run too large for this JVM
 * refused; a long one announced; Ctrl-C stopping it. The options whose help differs between the two commands
 * ({@code --runs}, {@code --seed}, {@code --out}) stay declared in each.
 */
final class ScenarioRunOptions {

    /** Runs expected to take longer than this are announced on stderr with their estimate. */
    static final double ANNOUNCE_SECONDS = 60;

    /** How a command names its work in a size refusal and in the long-run notice. */
    enum Work {
        SIMULATION("the scenario", "a long run: "),
        OPTIMISATION("the optimisation", "a long optimisation: at most ");

        private final String subject;
        private final String longRun;

        Work(String subject, String longRun) {
            this.subject = subject;
            this.longRun = longRun;
        }
    }

    /** What a scenario file's document and its resolved scenario become before the run (e.g. the optimisation problem). */
    @FunctionalInterface
    interface Prepare<T> {
        T apply(ScenarioDocument document, Scenario scenario);
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: all cores).")
    Integer threads;

    /** Refuses a --threads out of range (exit code 2). */
    void validate() {
        if (threads != null && (threads < 1 || threads > 1024)) {
            throw new ParameterException(mixee.commandLine(), "--threads must be between 1 and 1024, got " + threads);
        }
    }

    /** The in-process engine on {@code --threads} workers (default: every core). */
    SimulationEngine engine() {
        return new SimulationEngine(threads == null ? Runtime.getRuntime().availableProcessors() : threads);
    }

    /**
     * Reads and resolves the scenario in {@code file} (a scenario that names a firm is calibrated from {@code graph}) and
     * hands it to {@code prepare}. A file that cannot be read, or a scenario that is wrong (also what {@code prepare}
     * finds wrong, a {@link ScenarioException}), is printed on stderr, one line an error, and answers empty: exit code 2.
     */
    <T> Optional<T> read(Path file, ReadTarget graph, Prepare<T> prepare) throws IOException {
        PrintWriter stderr = mixee.commandLine().getErr();
        try {
            String json = TextFile.read(file, "scenario file");
            Scenarios scenarios = new Scenarios();
            ScenarioDocument doc = scenarios.parse(json, file.toString());
            Scenario scenario = resolve(scenarios, doc, file, graph);
            try {
                return Optional.of(prepare.apply(doc, scenario));
            } catch (ScenarioException e) {
                throw new ScenarioInputException(file.toString(), e.errors());
            }
        } catch (ScenarioInputException e) {
            stderr.println("cstrat: " + e.getMessage() + ":");
            e.errors().forEach(error -> stderr.println("  " + error));
        } catch (TextFile.UnreadableException e) {
            stderr.println("cstrat: " + e.getMessage());
        }
        stderr.flush();
        return Optional.empty();
    }

    private static Scenario resolve(Scenarios scenarios, ScenarioDocument doc, Path file, ReadTarget graph) {
        if (doc.selfContained()) {
            return scenarios.resolve(doc, file.toString(), Optional.empty());
        }
        try (GraphConnection connection = graph.connect(); Services services = Services.over(connection)) {
            return scenarios.resolve(doc, file.toString(), Optional.of(services.firmCalibration()));
        }
    }

    /**
     * Whether {@code estimate} may run here. Outputs that cannot fit an array or this JVM's heap are refused on stderr,
     * naming the field to change (with the option that set it, from {@code options}: field to option) and, for the heap,
     * how to give more; nothing runs. Work expected to take over {@link #ANNOUNCE_SECONDS} is announced.
     */
    boolean admits(WorkEstimate estimate, Path file, Work work, Map<String, String> options) {
        PrintWriter stderr = mixee.commandLine().getErr();
        Optional<FieldError> excess = estimate.arrayOverflow().or(() -> estimate.exceedsMemory(
                WorkEstimate.usableHeap(Runtime.getRuntime().maxMemory()), WorkEstimate.RATE_PER_CORE_DEFAULT));
        if (excess.isPresent()) {
            FieldError e = excess.get();
            String option = options.containsKey(e.field()) ? " (" + options.get(e.field()) + ")" : "";
            stderr.println("cstrat: " + file + ": " + work.subject + " is too large to run here, nothing was run:");
            stderr.println("  " + e.field() + option + " = " + e.value() + ": " + e.message());
            if (estimate.arrayOverflow().isEmpty()) { // the heap, which a larger -Xmx can give; no heap lengthens an array
                stderr.println("  (a larger heap: JAVA_OPTS=-Xmx<size> ./cstrat " + mixee.name() + " ...)");
            }
            stderr.flush();
            return false;
        }
        if (estimate.seconds(WorkEstimate.RATE_PER_CORE_DEFAULT) > ANNOUNCE_SECONDS) {
            stderr.println("cstrat: this is " + work.longRun + estimate.describe(WorkEstimate.RATE_PER_CORE_DEFAULT)
                    + " (Ctrl-C stops it)");
            stderr.flush();
        }
        return true;
    }

    /** A token that Ctrl-C (the JVM's shutdown) cancels: the run stops at its next check and reports what it has. */
    static CancellationToken cancelledByInterrupt() {
        CancellationToken cancel = new CancellationToken();
        Runtime.getRuntime().addShutdownHook(new Thread(cancel::cancel));
        return cancel;
    }
}
