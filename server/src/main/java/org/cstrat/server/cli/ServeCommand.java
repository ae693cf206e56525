package org.cstrat.server.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.cstrat.server.config.RuntimeInfo;
import org.cstrat.server.core.StartupException;
import org.cstrat.server.Workbench;
import org.cstrat.server.config.WorkbenchConfig;
import org.cstrat.server.demo.DemoData;
import org.cstrat.server.neo4j.EmbeddedCredentials;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code cstrat serve}: the web app on the embedded database (default) or an external Neo4j. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the workbench: web app on http://HOST:HTTP_PORT/, graph on the embedded Neo4j (Bolt on HOST:BOLT_PORT) or on NEO4J_URI.")
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "Directory of the embedded database's store (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = WorkbenchConfig.DEFAULT_HOST,
            description = "Address HTTP and Bolt listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--http-port", paramLabel = "N", defaultValue = "" + WorkbenchConfig.DEFAULT_HTTP_PORT,
            description = "HTTP port, 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--bolt-port", paramLabel = "N", defaultValue = "" + WorkbenchConfig.DEFAULT_BOLT_PORT,
            description = "Bolt port of the embedded database, 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int boltPort;

    @Option(names = "--neo4j-uri", paramLabel = "URI", defaultValue = "${env:NEO4J_URI}",
            description = "Use this Neo4j server or cluster (bolt:// or neo4j://) instead of the embedded database. Env: NEO4J_URI.")
    String neo4jUri;

    @Option(names = "--neo4j-user", paramLabel = "USER", defaultValue = "${env:NEO4J_USER}",
            description = "User for --neo4j-uri (default neo4j). Env: NEO4J_USER.")
    String neo4jUser;

    @Option(names = "--neo4j-password", paramLabel = "PASSWORD", defaultValue = "${env:NEO4J_PASSWORD}",
            description = "Password for --neo4j-uri, or the Bolt password of the embedded database"
                    + " (default: generated on first start into DIR/auth/neo4j-password). Env: NEO4J_PASSWORD.")
    String neo4jPassword;

    @Option(names = Neo4jPasswordFile.OPTION, paramLabel = "FILE", defaultValue = "${env:" + Neo4jPasswordFile.ENV + "}",
            description = "Read the Neo4j password (as for --neo4j-password) from the first line of this file instead. Env: "
                    + Neo4jPasswordFile.ENV + ".")
    String neo4jPasswordFile;

    @Option(names = "--no-demo", description = "Do not load the demo markets into an empty database.")
    boolean noDemo;

    @Option(names = "--demo-from-scripts",
            description = "Load the demo into an empty database by its scripts (seconds) instead of unpacking the prebuilt demo"
                    + " store packaged with the server (a fraction of a second; the same graph).")
    boolean demoFromScripts;

    @Option(names = "--trusted-origin", paramLabel = "URL", split = ",", defaultValue = "${env:CSTRAT_TRUSTED_ORIGINS}",
            description = "An address a reverse proxy serves the web app under, e.g. https://workbench.example.com (repeatable or"
                    + " comma-separated); the web app otherwise refuses requests from other sites. Env: CSTRAT_TRUSTED_ORIGINS.")
    List<String> trustedOrigins;

    @Option(names = "--auth", paramLabel = "on|off",
            description = "Ask for a login on the web app and API: on or off (default: on beyond loopback, off on 127.0.0.1;"
                    + " off is refused beyond loopback).")
    String auth;

    @Option(names = "--advertised-host", paramLabel = "NAME",
            description = "Host name or address clients are told (printed URLs, Bolt's advertised address); default: --host,"
                    + " or this machine's name when --host is 0.0.0.0 or ::.")
    String advertisedHost;

    @Option(names = "--max-simulation-work", paramLabel = "N",
            description = "Most customer-periods one simulation job may ask for (customers x periods x replications x strategies,"
                    + " analyses included); larger requests are refused with 422 (default: ${DEFAULT-VALUE}).",
            defaultValue = "" + WorkbenchConfig.DEFAULT_MAX_SIMULATION_WORK)
    long maxSimulationWork;

    @Override
    public Integer call() {
        WorkbenchConfig config = config();
        PrintWriter out = spec.commandLine().getOut();
        out.println("Starting the Connected Strategy Workbench" + (config.external().isPresent()
                ? " on " + config.external().get().uri() : " on the embedded database in " + config.dataDir().toAbsolutePath()) + " ...");
        out.flush();
        Workbench workbench = Workbench.launch(config, () -> { });
        workbench.runtimeInfo().write(config.dataDir());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the workbench ...");
            RuntimeInfo.delete(config.dataDir());
            workbench.close();
            System.out.println("Stopped.");
            stopped.countDown();
        }, "cstrat-shutdown"));
        out.println("Web:  " + workbench.httpUrl());
        out.println("Bolt: " + workbench.boltUri() + (workbench.graph().isEmbedded() ? "  (embedded Neo4j; ./cstrat cypher-shell connects to it)" : ""));
        workbench.graph().credentials().ifPresent(c -> out.println(credentialsLine(c)));
        out.println("Login: " + (config.auth() == WorkbenchConfig.Auth.ON ? "on (users in " + config.dataDir().resolve("auth").resolve("users.json").toAbsolutePath() + ")"
                : "off: every request acts as a local admin (--auth on asks for a login on loopback too)"));
        if (workbench.needsFirstUser()) {
            out.println("No user exists yet: add the first admin with");
            out.println("      ./cstrat user add NAME --role admin" + (config.dataDir().equals(Path.of("data")) ? "" : " --data " + config.dataDir()));
        }
        out.println("HTTP answering after " + workbench.startupTimes().httpAnsweringMillis() + " ms; preparing the database"
                + " (the demo markets on a first start; the web app shows a loading page until then) ...");
        out.println("Press Ctrl-C to stop.");
        out.flush();
        try {
            boolean demoLoaded = workbench.awaitPrepared();
            out.println(preparedLine(demoLoaded, workbench.demoLoad(), workbench.startupTimes()));
        } catch (StartupException e) {
            // logged with its cause by the workbench; the web app shows it and keeps answering
            spec.commandLine().getErr().println("cstrat serve: " + e.getMessage() + " (the web app keeps running and shows this error)");
            spec.commandLine().getErr().flush();
        }
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** The start-up figure printed once the graph is prepared: with a demo loaded, how and in how long when known. */
    static String preparedLine(boolean demoLoaded, Optional<DemoData.Load> load, Workbench.StartupTimes times) {
        String how = load.map(l -> " " + l.source().words() + " in " + l.millis() + " ms").orElse("");
        return (demoLoaded ? "The database was empty: demo markets loaded" + how + "; ready " : "Database prepared; ready ")
                + times.preparedMillis() + " ms after start (HTTP answered after " + times.httpAnsweringMillis() + " ms).";
    }

    /** Where the Bolt password is; never the password itself (terminals and service logs keep what is printed). */
    static String credentialsLine(EmbeddedCredentials c) {
        return "Bolt user '" + c.user() + "', password " + c.file()
                .map(f -> (c.generated() ? "generated into " : "in ") + f.toAbsolutePath() + " (readable only by you)")
                .orElse("as given (--neo4j-password, --neo4j-password-file or the environment)");
    }

    WorkbenchConfig config() {
        checkPort("--http-port", httpPort);
        checkPort("--bolt-port", boltPort);
        Optional<WorkbenchConfig.ExternalNeo4j> external = Optional.empty();
        String password = Neo4jPasswordFile.resolve(spec, neo4jPassword, "--neo4j-password (NEO4J_PASSWORD)", neo4jPasswordFile).orElse(null);
        if (neo4jUri != null && !neo4jUri.isBlank()) {
            try {
                external = Optional.of(new WorkbenchConfig.ExternalNeo4j(URI.create(neo4jUri.strip()), neo4jUser, password));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "Invalid --neo4j-uri / NEO4J_URI '" + neo4jUri + "': " + e.getMessage());
            }
        }
        try {
            return new WorkbenchConfig(dataDir, host, httpPort, boltPort, external,
                    external.isPresent() ? Optional.empty() : Optional.ofNullable(password), !noDemo,
                    trustedOrigins == null ? List.of() : trustedOrigins.stream().filter(o -> !o.isBlank()).toList(),
                    auth(), Optional.ofNullable(advertisedHost).map(String::strip).filter(h -> !h.isEmpty()), maxSimulationWork)
                    .withDemoFromScripts(demoFromScripts);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private WorkbenchConfig.Auth auth() {
        if (auth == null || auth.isBlank()) {
            return WorkbenchConfig.Auth.defaultFor(host);
        }
        return switch (auth.strip().toLowerCase(Locale.ROOT)) {
            case "on" -> WorkbenchConfig.Auth.ON;
            case "off" -> WorkbenchConfig.Auth.OFF;
            default -> throw new ParameterException(spec.commandLine(), "Invalid value for option '--auth': '" + auth + "' (on or off)");
        };
    }

    private void checkPort(String option, int port) {
        if (port < 0 || port > 65_535) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': " + port + " is not a port (0-65535)");
        }
    }
}
