package org.cstrat.server.market;

import java.net.URI;

import org.cstrat.server.app.Services;
import org.cstrat.server.neo4j.GraphConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.testcontainers.containers.Neo4jContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The same repository contract against the official Neo4j server image, as an external database
 * reached by URI. Skipped cleanly where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerMarketRepositoryIT extends MarketRepositoryContract {

    @Container
    static final Neo4jContainer<?> NEO4J = new Neo4jContainer<>("neo4j:5.26-community").withoutAuthentication();

    private static GraphConnection graph;

    @BeforeAll
    static void connect() {
        graph = GraphConnection.connect(URI.create(NEO4J.getBoltUrl()), AuthTokens.none());
        try (Services services = Services.over(graph)) {
            services.demo().prepare(true);
        }
    }

    @AfterAll
    static void disconnect() {
        if (graph != null) {
            graph.close();
        }
    }

    @Override
    protected Driver driver() {
        return graph.driver();
    }
}
