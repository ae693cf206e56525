package org.cstrat.server.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code cstrat cypher-shell [ARGS…]}: Neo4j's own cypher-shell (5.26), connected to the running
 * workbench or to {@code NEO4J_URI}. Every argument but {@code --data} goes to cypher-shell unchanged
 * ({@code -f file}, {@code --format plain}, {@code -P param}, a query…). The password travels in the
 * child's environment, never on its command line.
 */
@Command(name = "cypher-shell",
        description = {"Run Neo4j's cypher-shell against the running workbench (found through DIR/run/workbench.json)",
                "or NEO4J_URI. All other arguments are passed to cypher-shell, e.g.:",
                "  ./cstrat cypher-shell --format plain \"MATCH (f:Firm) RETURN count(f)\"",
                "  ./cstrat cypher-shell -f cypher/queries/analyst/firms_per_cell.cypher -P '{market: \"us-mobility\"}'",
                "A -f file's ':param' lines are defaults: -P values win over them."})
public final class CypherShellCommand implements Callable<Integer> {

    static final String MAIN_CLASS = "org.neo4j.shell.Main";

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "Data directory of the running workbench (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = Neo4jPasswordFile.OPTION, paramLabel = "FILE", defaultValue = "${env:" + Neo4jPasswordFile.ENV + "}",
            description = "Read the Neo4j password from the first line of this file instead of NEO4J_PASSWORD. Env: "
                    + Neo4jPasswordFile.ENV + ".")
    String neo4jPasswordFile;

    @Unmatched
    List<String> passThrough = new ArrayList<>();

    @Override
    public Integer call() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-cp", System.getProperty("java.class.path"), MAIN_CLASS));
        Map<String, String> environment = new java.util.HashMap<>();
        if (!namesAddress(passThrough)) {
            RunningWorkbench target = RunningWorkbench.find(dataDir, java.util.Optional.empty(),
                    Neo4jPasswordFile.resolve(spec, System.getenv("NEO4J_PASSWORD"), "NEO4J_PASSWORD", neo4jPasswordFile));
            command.addAll(List.of("-a", target.uri().toString()));
            target.user().ifPresent(u -> environment.put("NEO4J_USERNAME", u));
            target.password().ifPresent(p -> environment.put("NEO4J_PASSWORD", p));
        }
        LibraryFileParameters.Rewritten arguments = LibraryFileParameters.rewrite(passThrough);
        command.addAll(arguments.arguments());
        try {
            return run(command, environment);
        } finally {
            if (arguments.copy().isPresent()) {
                java.nio.file.Files.deleteIfExists(arguments.copy().get());
            }
        }
    }

    private int run(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        builder.redirectInput(ProcessBuilder.Redirect.INHERIT);
        if (System.console() != null) {
            // Interactive: cypher-shell talks to the terminal itself.
            return builder.inheritIO().start().waitFor();
        }
        Process process = builder.start();
        Thread errors = pump(process.getErrorStream(), spec.commandLine().getErr());
        pump(process.getInputStream(), spec.commandLine().getOut()).join();
        errors.join();
        return process.waitFor();
    }

    private static boolean namesAddress(List<String> args) {
        return args.stream().anyMatch(a -> a.equals("-a") || a.startsWith("--address") || a.startsWith("--uri"));
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static Thread pump(InputStream in, PrintWriter out) {
        Thread t = new Thread(() -> {
            try (in) {
                byte[] buffer = new byte[8192];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    out.write(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    out.flush();
                }
            } catch (IOException ignored) {
                // the child closed its stream
            }
        }, "cypher-shell-output");
        t.start();
        return t;
    }
}
