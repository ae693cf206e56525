package org.cstrat.server.health;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.cstrat.server.neo4j.CypherFiles;
import org.cstrat.server.neo4j.GraphConnection;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.async.AsyncSession;

/** Asks the database, through the Driver, which version and edition it runs ({@code health/components.cypher}), within a time limit. */
final class Neo4jDatabaseProbe {

    private static final String COMPONENTS = CypherFiles.query("health/components");

    /** The database's answer. */
    record Components(String version, String edition) {
    }

    private final GraphConnection graph;

    Neo4jDatabaseProbe(GraphConnection graph) {
        this.graph = graph;
    }

    /** The version and edition; throws what the Driver threw, or a timeout after {@code timeoutSeconds}. */
    Components components(long timeoutSeconds) throws Exception {
        AsyncSession session = graph.driver().session(AsyncSession.class,
                SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build());
        try {
            var record = session.executeReadAsync(tx -> tx.runAsync(COMPONENTS).thenCompose(c -> c.singleAsync()),
                            TransactionConfig.builder().withTimeout(Duration.ofSeconds(timeoutSeconds)).build())
                    .toCompletableFuture().get(timeoutSeconds, TimeUnit.SECONDS);
            return new Components(record.get("version").asString(), record.get("edition").asString());
        } finally {
            session.closeAsync();
        }
    }
}
