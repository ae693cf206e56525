package org.cstrat.server.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

import org.cstrat.server.config.RuntimeInfo;
import org.cstrat.server.core.StartupException;
import org.cstrat.server.neo4j.EmbeddedCredentials;
import org.cstrat.server.neo4j.GraphBootstrap;
import org.cstrat.server.neo4j.GraphConnection;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Where a command-line task that writes (an import) finds the graph, in this order:
 * <ol>
 *   <li>{@code NEO4J_URI} (with {@code NEO4J_USER} / {@code NEO4J_PASSWORD}): that server or cluster;</li>
 *   <li>the workbench running on {@code --data} (found through {@code DATA/run/workbench.json}): its
 *       embedded database, through Bolt, while it keeps serving;</li>
 *   <li>otherwise the embedded store in {@code --data}, opened in this process for the duration of the
 *       task (nothing else may have it open).</li>
 * </ol>
 * The schema is applied in every case (idempotent), so an empty store is ready for an import.
 */
public final class GraphTarget implements GraphLink {

    private URI connected;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "Data directory of the workbench (default: ${DEFAULT-VALUE}): its running server, or its store when none runs.")
    Path dataDir;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = Neo4jPasswordFile.OPTION, paramLabel = "FILE", defaultValue = "${env:" + Neo4jPasswordFile.ENV + "}",
            description = "Read the Neo4j password from the first line of this file instead of NEO4J_PASSWORD. Env: "
                    + Neo4jPasswordFile.ENV + ".")
    String neo4jPasswordFile;

    /** Connects as described above and says on {@code out} which graph it uses. */
    public GraphConnection open(PrintWriter out) {
        Optional<String> password = Neo4jPasswordFile.resolve(spec, System.getenv("NEO4J_PASSWORD"), "NEO4J_PASSWORD", neo4jPasswordFile);
        String uri = System.getenv("NEO4J_URI");
        if ((uri != null && !uri.isBlank()) || RuntimeInfo.read(dataDir).isPresent()) {
            RunningWorkbench running = RunningWorkbench.find(dataDir, Optional.empty(), password);
            out.println("Graph: " + running.uri() + (uri == null || uri.isBlank() ? " (the running workbench)" : " (NEO4J_URI)"));
            connected = running.uri();
            GraphConnection graph = running.connect();
            new GraphBootstrap(graph.driver()).applySchema();
            return graph;
        }
        out.println("Graph: no workbench runs on " + dataDir.toAbsolutePath() + "; opening its embedded store");
        out.flush();
        EmbeddedCredentials credentials = EmbeddedCredentials.resolve(dataDir, password);
        GraphConnection graph;
        try {
            graph = GraphConnection.openEmbedded(dataDir, "127.0.0.1", 0, credentials);
        } catch (StartupException e) {
            throw new StartupException(e.getMessage() + " (is a workbench running on it without " + RuntimeInfo.file(dataDir) + "?)", e);
        }
        connected = graph.uri();
        new GraphBootstrap(graph.driver()).prepare();
        return graph;
    }

    @Override
    public Optional<URI> connectedUri() {
        return Optional.ofNullable(connected);
    }
}
