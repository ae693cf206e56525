package org.cstrat.server.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

import org.cstrat.server.config.WorkbenchConfig;
import org.cstrat.server.neo4j.GraphConnection;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Where a command-line task that reads the graph ({@code simulate} with a firm, {@code calibrate}) finds it:
 * {@code --neo4j-uri}, else {@code NEO4J_URI}, else the workbench running on {@code --data} ({@link RunningWorkbench}).
 * A picocli mixin.
 */
public final class ReadTarget implements GraphLink {

    private URI connected;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "Data directory of the running workbench whose graph is read (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--neo4j-uri", paramLabel = "URI",
            description = "Read from this Neo4j instead (bolt:// or neo4j://, +s/+ssc), user and password from NEO4J_USER /"
                    + " NEO4J_PASSWORD (default: NEO4J_URI, else the workbench running on --data).")
    String neo4jUri;

    @Option(names = Neo4jPasswordFile.OPTION, paramLabel = "FILE", defaultValue = "${env:" + Neo4jPasswordFile.ENV + "}",
            description = "Read the Neo4j password from the first line of this file instead of NEO4J_PASSWORD. Env: "
                    + Neo4jPasswordFile.ENV + ".")
    String neo4jPasswordFile;

    /** A Driver connection to the graph; the caller closes it. */
    public GraphConnection connect() {
        RunningWorkbench target = RunningWorkbench.find(dataDir, uri(), password());
        connected = target.uri();
        return target.connect();
    }

    @Override
    public Optional<URI> connectedUri() {
        return Optional.ofNullable(connected);
    }

    /** The password from {@code --neo4j-password-file}, else {@code NEO4J_PASSWORD}; exit 2 for both or a bad file. */
    Optional<String> password() {
        return Neo4jPasswordFile.resolve(spec, System.getenv("NEO4J_PASSWORD"), "NEO4J_PASSWORD", neo4jPasswordFile);
    }

    private Optional<URI> uri() {
        if (neo4jUri == null || neo4jUri.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new WorkbenchConfig.ExternalNeo4j(URI.create(neo4jUri.strip()), null, null).uri());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid --neo4j-uri '" + neo4jUri + "': " + e.getMessage());
        }
    }
}
