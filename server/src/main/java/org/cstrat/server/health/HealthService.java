package org.cstrat.server.health;

import java.util.concurrent.TimeUnit;

import org.cstrat.server.neo4j.CypherFiles;
import org.cstrat.server.neo4j.GraphConnection;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.async.AsyncSession;

/** Whether the graph answers, asked with a short timeout so that a dead database cannot hang the check. */
public final class HealthService {

    static final long TIMEOUT_SECONDS = 5;
    private static final String COMPONENTS = CypherFiles.query("health/components");

    private final GraphConnection graph;
    private final Readiness readiness;

    public HealthService(GraphConnection graph) {
        this(graph, Readiness.ready());
    }

    /** @param readiness how far the graph's preparation (schema, the demo) is: {@code loading} until it is done */
    public HealthService(GraphConnection graph, Readiness readiness) {
        this.graph = graph;
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
        AsyncSession session = graph.driver().session(AsyncSession.class,
                SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build());
        try {
            var record = session.executeReadAsync(tx -> tx.runAsync(COMPONENTS).thenCompose(c -> c.singleAsync()),
                            TransactionConfig.builder().withTimeout(java.time.Duration.ofSeconds(TIMEOUT_SECONDS)).build())
                    .toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Readiness.Status startup = readiness.status();
            String status = switch (startup.state()) {
                case READY -> "ok";
                case LOADING -> "loading";
                case FAILED -> "degraded";
            };
            return new Health(status, new Database(true, uri, graph.isEmbedded(),
                    record.get("version").asString(), record.get("edition").asString(), null), startup);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down(uri, "interrupted");
        } catch (Exception e) {
            return down(uri, e.getCause() != null ? e.getCause().getMessage() : String.valueOf(e.getMessage()));
        } finally {
            session.closeAsync();
        }
    }

    private Health down(String uri, String error) {
        return new Health("degraded", new Database(false, uri, graph.isEmbedded(), null, null, error), readiness.status());
    }
}
