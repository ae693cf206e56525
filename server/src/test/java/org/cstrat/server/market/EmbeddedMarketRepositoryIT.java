package org.cstrat.server.market;

import org.cstrat.server.testing.EmbeddedNeo4j;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.driver.Driver;

/** The repository contract against the embedded Neo4j, through the Driver. */
@ExtendWith(EmbeddedNeo4j.class)
class EmbeddedMarketRepositoryIT extends MarketRepositoryContract {

    private Driver driver;

    @BeforeEach
    void connect(Driver driver) {
        this.driver = driver;
    }

    @Override
    protected Driver driver() {
        return driver;
    }
}
