package org.cstrat.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import org.cstrat.server.customers.value.ClvFit;
import org.cstrat.server.customers.value.ClvFitter;
import org.cstrat.server.customers.value.ClvJson;
import org.cstrat.server.customers.value.CustomerSummary;
import org.cstrat.server.customers.value.FitNotConvergedException;
import org.cstrat.input.FieldError;
import org.cstrat.server.customers.value.TransactionLog;
import org.cstrat.server.customers.value.TransactionLogException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cstrat clv}: customer-value models fitted straight from a transaction log. */
@Command(name = "clv", mixinStandardHelpOptions = true,
        description = "Customer lifetime value: BG/NBD (Fader, Hardie & Lee 2005) and Gamma-Gamma models.",
        subcommands = ClvCommand.Fit.class)
public final class ClvCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code cstrat clv fit TRANSACTIONS.csv --end YYYY-MM-DD [--out fit.json]}. */
    @Command(name = "fit", mixinStandardHelpOptions = true,
            description = {"Fit BG/NBD (purchase frequency and dropout) and Gamma-Gamma (spend) by maximum likelihood.",
                    "TRANSACTIONS.csv has a header and the columns customer_id,date,amount (date YYYY-MM-DD, amount in currency units).",
                    "Same-day purchases are one transaction; the first purchase is not a repeat; time is in weeks.",
                    "Exit codes: 0 fitted, 1 the fit did not converge (nothing written), 2 bad input."})
    static final class Fit implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "TRANSACTIONS.csv", description = "The transaction log.")
        Path transactions;

        @Option(names = "--end", required = true, paramLabel = "YYYY-MM-DD",
                description = "Last day of the calibration period (inclusive).")
        LocalDate end;

        @Option(names = "--out", paramLabel = "FILE", description = "Write the parameters with standard errors and log-likelihoods as JSON.")
        Path out;

        @Override
        public Integer call() throws IOException {
            PrintWriter stdout = spec.commandLine().getOut();
            PrintWriter stderr = spec.commandLine().getErr();
            List<CustomerSummary> summaries;
            var problem = TextFile.problem(transactions);
            if (problem.isPresent()) {
                stderr.println("cstrat: cannot read " + transactions + ": " + problem.get());
                return CommandLine.ExitCode.USAGE;
            }
            try {
                summaries = TransactionLog.read(transactions).summarise(end);
            } catch (TransactionLogException e) {
                stderr.println("cstrat: " + transactions + " has " + e.errors().size() + " error(s):");
                e.errors().stream().map(FieldError::toString).forEach(line -> stderr.println("  " + line));
                return CommandLine.ExitCode.USAGE;
            } catch (UncheckedIOException e) {
                stderr.println("cstrat: cannot read " + transactions + ": " + TextFile.why(e.getCause()));
                return CommandLine.ExitCode.USAGE;
            }
            if (summaries.isEmpty()) {
                stderr.println("cstrat: " + transactions + " has no customer whose first purchase is on or before " + end);
                return CommandLine.ExitCode.USAGE;
            }
            ClvFit fit;
            try {
                fit = new ClvFitter().fitSummaries(summaries);
            } catch (FitNotConvergedException e) {
                stderr.println("cstrat: the fit did not converge; nothing was written.");
                stderr.print(e.attempt().toText());
                stderr.flush();
                return 1;
            }
            stdout.print(fit.toText());
            if (out != null) {
                Files.writeString(out, ClvJson.write(fit, end), StandardCharsets.UTF_8);
                stdout.println("Wrote " + out);
            }
            stdout.flush();
            return 0;
        }
    }
}
