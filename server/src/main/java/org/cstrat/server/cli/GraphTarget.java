package org.cstrat.server.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

import org.cstrat.server.StartupException;
import org.cstrat.server.config.WorkbenchConfig;
import org.cstrat.server.neo4j.GraphBootstrap;
import org.cstrat.server.neo4j.GraphConnection;
import org.neo4j.driver.AuthTokens;
import picocli.CommandLine.Option;

/**
 * Where a command-line task (import, analyses) finds the graph, in this order:
 * <ol>
 *   <li>{@code --neo4j-uri} / {@code NEO4J_URI}: that server or cluster;</li>
 *   <li>a running workbench answering on {@code --bolt-uri} (default {@code bolt://127.0.0.1:7687}): its embedded database, through Bolt;</li>
 *   <li>otherwise the embedded store in {@code --data} (default {@code data}), opened in this process (the
 *       workbench must not be running on it: the store is locked while it runs).</li>
 * </ol>
 * The schema is applied in the last two cases, so an empty store is ready for an import.
 */
public final class GraphTarget {

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "Embedded store to open when no workbench is running (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--bolt-uri", paramLabel = "URI", defaultValue = "bolt://127.0.0.1:" + WorkbenchConfig.DEFAULT_BOLT_PORT,
            description = "Bolt URI of a running workbench (default: ${DEFAULT-VALUE}).")
    String boltUri;

    @Option(names = "--neo4j-uri", paramLabel = "URI", defaultValue = "${env:NEO4J_URI}",
            description = "Use this Neo4j server or cluster. Env: NEO4J_URI.")
    String neo4jUri;

    @Option(names = "--neo4j-user", paramLabel = "USER", defaultValue = "${env:NEO4J_USER}", description = "Env: NEO4J_USER.")
    String neo4jUser;

    @Option(names = "--neo4j-password", paramLabel = "PASSWORD", defaultValue = "${env:NEO4J_PASSWORD}", description = "Env: NEO4J_PASSWORD.")
    String neo4jPassword;

    /** Connects as described above and says on {@code out} which graph it uses. */
    public GraphConnection open(PrintWriter out) {
        if (neo4jUri != null && !neo4jUri.isBlank()) {
            var external = new WorkbenchConfig.ExternalNeo4j(URI.create(neo4jUri.strip()), neo4jUser, neo4jPassword);
            GraphConnection graph = GraphConnection.connect(external.uri(), AuthTokens.basic(external.user(), external.password()), Optional.empty());
            out.println("Graph: " + external.uri());
            return graph;
        }
        try {
            GraphConnection graph = GraphConnection.connect(URI.create(boltUri), AuthTokens.none(), Optional.empty());
            out.println("Graph: the running workbench at " + boltUri);
            new GraphBootstrap(graph.driver()).applySchema();
            return graph;
        } catch (StartupException notRunning) {
            out.println("Graph: no workbench answers at " + boltUri + "; opening the embedded store in " + dataDir.toAbsolutePath());
            out.flush();
            GraphConnection graph;
            try {
                graph = GraphConnection.openEmbedded(dataDir, "127.0.0.1", 0);
            } catch (StartupException e) {
                throw new StartupException(e.getMessage() + " (if a workbench runs on it, pass its Bolt URI with --bolt-uri)", e);
            }
            new GraphBootstrap(graph.driver()).prepare(false);
            return graph;
        }
    }
}
