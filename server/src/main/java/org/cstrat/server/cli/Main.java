package org.cstrat.server.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.util.Optional;

import org.cstrat.server.neo4j.GraphConnection;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import org.cstrat.server.Workbench;
import org.cstrat.server.core.WorkbenchException;
import org.cstrat.server.customers.value.ClvException;
import org.cstrat.sim.scenario.ScenarioException;

/** The {@code cstrat} command line: one subcommand per user task. */
@Command(name = "cstrat",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Connected Strategy Workbench: the connected-strategy matrix, Monte Carlo simulations and the customer graph.",
        subcommands = {ServeCommand.class, SimulateCommand.class, OptimiseCommand.class, CalibrateCommand.class, CypherShellCommand.class, ClvCommand.class, ImportCommand.class, BenchCommand.class,
                UserCommand.class, TokenCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line and returns the exit code: 0 success, 1 failure, 2 bad usage. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        // colours only on a terminal: a pipe, a log file or a service manager gets plain text (picocli.ansi=true forces them)
        cli.setColorScheme(CommandLine.Help.defaultColorScheme(System.console() == null && System.getProperty("picocli.ansi") == null
                ? CommandLine.Help.Ansi.OFF : CommandLine.Help.Ansi.AUTO));
        return withErrorHandlers(cli).execute(args);
    }

    /**
     * Installs how {@code cstrat} reports failures: a usage error is one line and the usage (exit 2); a workbench
     * failure (its own root, a customer-value input or fit, a scenario file) or a connection lost under a running command is one line (exit 1); anything else is a bug and keeps its
     * stack trace.
     */
    public static CommandLine withErrorHandlers(CommandLine cli) {
        cli.setParameterExceptionHandler((e, arguments) -> {
            // One line that says what is wrong, then the usage of the command that was called.
            PrintWriter stderr = e.getCommandLine().getErr();
            stderr.println("cstrat: " + e.getMessage());
            e.getCommandLine().usage(stderr);
            return CommandLine.ExitCode.USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof WorkbenchException || e instanceof ClvException || e instanceof ScenarioException) { // the three roots
                commandLine.getErr().println("cstrat: " + e.getMessage());
                return 1;
            }
            Optional<Throwable> lost = GraphConnection.lostConnection(e);
            if (lost.isPresent()) {
                commandLine.getErr().println("cstrat: lost the connection to the database" + connectedUri(commandLine).map(u -> " at " + u).orElse("")
                        + " (" + lost.get().getMessage().lines().findFirst().orElse("").strip() + "): is the workbench (or Neo4j) still running?"
                        + " Start it again and repeat the command.");
                return 1;
            }
            throw e;
        });
        return cli;
    }

    private static Optional<URI> connectedUri(CommandLine commandLine) {
        return commandLine.getMixins().values().stream().filter(GraphLink.class::isInstance).map(GraphLink.class::cast)
                .flatMap(link -> link.connectedUri().stream()).findFirst();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"Connected Strategy Workbench " + (v == null ? "(development build)" : v)};
        }
    }
}
