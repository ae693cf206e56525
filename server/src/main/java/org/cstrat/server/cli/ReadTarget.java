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
public final class ReadTarget {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "Data directory of the running workbench whose graph is read (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--neo4j-uri", paramLabel = "URI",
            description = "Read from this Neo4j instead (bolt:// or neo4j://, +s/+ssc), user and password from NEO4J_USER /"
                    + " NEO4J_PASSWORD (default: NEO4J_URI, else the workbench running on --data).")
    String neo4jUri;

    /** A Driver connection to the graph; the caller closes it. */
    public GraphConnection connect() {
        return RunningWorkbench.find(dataDir, uri()).connect();
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
