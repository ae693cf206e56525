package org.cstrat.server;

import java.io.PrintWriter;
import java.net.URI;
import java.util.Optional;

import org.cstrat.server.cli.BenchCommand;
import org.cstrat.server.cli.CalibrateCommand;
import org.cstrat.server.cli.ClvCommand;
import org.cstrat.server.cli.GraphLink;
import org.cstrat.server.cli.ImportCommand;
import org.cstrat.server.cli.CypherShellCommand;
import org.cstrat.server.cli.ServeCommand;
import org.cstrat.server.cli.OptimiseCommand;
import org.cstrat.server.cli.SimulateCommand;
import org.cstrat.server.cli.TokenCommand;
import org.cstrat.server.cli.UserCommand;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

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
     * failure or a connection lost under a running command is one line (exit 1); anything else is a bug and keeps its
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
            if (e instanceof WorkbenchException) {
                commandLine.getErr().println("cstrat: " + e.getMessage());
                return 1;
            }
            Optional<Throwable> lost = lostConnection(e);
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

    /** The driver's lost-connection failure (the server stopped or crashed under a running command) in the cause chain. */
    static Optional<Throwable> lostConnection(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if ((t instanceof ServiceUnavailableException || t instanceof SessionExpiredException) && t.getMessage() != null) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
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
