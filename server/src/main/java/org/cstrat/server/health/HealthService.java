package org.cstrat.server.health;

import org.cstrat.server.neo4j.GraphConnection;

/** Whether the graph answers, asked with a short timeout so that a dead database cannot hang the check. */
public final class HealthService {

    static final long TIMEOUT_SECONDS = 5;
    private final GraphConnection graph;
    private final Neo4jDatabaseProbe probe;
    private final Readiness readiness;

    public HealthService(GraphConnection graph) {
        this(graph, Readiness.ready());
    }

    /** @param readiness how far the graph's preparation (schema, the demo) is: {@code loading} until it is done */
    public HealthService(GraphConnection graph, Readiness readiness) {
        this.graph = graph;
        this.probe = new Neo4jDatabaseProbe(graph);
        this.readiness = readiness;
    }

    /**
     * The answer of {@code /health}: status {@code ok}; {@code loading} while the graph is prepared (the demo on a first
     * start), with the phase and percent in {@code startup}; {@code degraded} when the database does not answer or the
     * preparation failed ({@code startup.error}). Always HTTP 200: the process is alive and answering.
     */
    public record Health(String status, Database database, Readiness.Status startup) {
    }

    /** What the database said, or why it did not. */
    public record Database(boolean available, String uri, boolean embedded, String version, String edition, String error) {
    }

    public Health check() {
        String uri = graph.uri().toString();
        try {
            Neo4jDatabaseProbe.Components components = probe.components(TIMEOUT_SECONDS);
            Readiness.Status startup = readiness.status();
            String status = switch (startup.state()) {
                case READY -> "ok";
                case LOADING -> "loading";
                case FAILED -> "degraded";
            };
            return new Health(status, new Database(true, uri, graph.isEmbedded(),
                    components.version(), components.edition(), null), startup);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down(uri, "interrupted");
        } catch (Exception e) {
            return down(uri, e.getCause() != null ? e.getCause().getMessage() : String.valueOf(e.getMessage()));
        }
    }

    private Health down(String uri, String error) {
        return new Health("degraded", new Database(false, uri, graph.isEmbedded(), null, null, error), readiness.status());
    }
}
