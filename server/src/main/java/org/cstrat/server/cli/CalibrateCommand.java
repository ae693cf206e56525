package org.cstrat.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.cstrat.server.app.Services;
import org.cstrat.server.core.NotFoundException;
import org.cstrat.server.core.UnprocessableException;
import org.cstrat.server.neo4j.GraphConnection;
import org.cstrat.server.simulation.CalibrationService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cstrat calibrate --firm F [--out scenario.json]}: a self-contained scenario calibrated from the graph. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Write a simulation scenario calibrated from a firm's customer data in the workbench graph: one segment"
                + " per customer segment with its episode rate, willingness to pay, data sharing, trust, retention (BG/NBD) and"
                + " WTP spread (Gamma-Gamma); the fitted uncertainty as triangular uncertain parameters on the estimate"
                + " ± √6 standard errors; the firm's current strategy and its next moves on the matrix. The file is"
                + " self-contained: ./cstrat simulate FILE runs it without a database. Rules: cypher/README.md"
                + " (\"Calibrating a simulation\").",
                "The firm needs imported customers whose values are fitted (the customers page, or POST /api/firms/F/value).",
                "Exit codes: 0 written, 1 failure (e.g. no graph reachable), 2 unknown firm, no customer data, values not"
                + " fitted, or bad options."})
public final class CalibrateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--firm", required = true, paramLabel = "FIRM", description = "Id of the firm to calibrate (e.g. equinox).")
    String firm;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the scenario to this .json file (default: print it on standard output).")
    Path out;

    @Mixin
    ReadTarget graph;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        OutputFile.check(spec, out, ".json");
        try (GraphConnection connection = graph.connect(); Services services = Services.over(connection)) {
            CalibrationService.CalibratedScenario calibrated;
            try {
                calibrated = services.calibration().scenario(firm);
            } catch (NotFoundException | UnprocessableException e) {
                stderr.println("cstrat: " + e.getMessage());
                return CommandLine.ExitCode.USAGE;
            }
            if (out == null) {
                stdout.print(calibrated.json());
            } else {
                Files.writeString(out, calibrated.json(), StandardCharsets.UTF_8);
                var s = calibrated.scenario();
                stdout.printf(Locale.ROOT, "Wrote %s: %d segments, %d uncertain parameters, %d strategies; run it with ./cstrat simulate %s%n",
                        out, s.parameters().segments().size(), s.uncertainty().size(), s.strategies().size(), out);
            }
            stdout.flush();
            return 0;
        }
    }
}
