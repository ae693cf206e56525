package org.cstrat.server.neo4j;

import java.util.List;
import java.util.Map;

import org.cstrat.server.demo.DemoCustomers;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database to the model the application expects: constraints and indexes
 * ({@code cypher/schema.cypher}), the framework vocabulary ({@code cypher/reference.cypher}) and,
 * into a database with no market yet, the demo markets. Every step is idempotent.
 */
public final class GraphBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(GraphBootstrap.class);

    /** The demo scripts, in load order; each market script is followed by its synthetic customers. */
    public static final List<String> DEMO_MARKETS = List.of("us-mobility", "us-chronic-health", "us-connected-fitness");
    private static final Map<String, String> DEMO_SCRIPTS = Map.of(
            "us-mobility", "demo/mobility.cypher",
            "us-chronic-health", "demo/health.cypher",
            "us-connected-fitness", "demo/fitness.cypher");

    private final Driver driver;

    public GraphBootstrap(Driver driver) {
        this.driver = driver;
    }

    /** Applies schema and reference data; loads the demo when no market exists. Returns whether the demo was loaded. */
    public boolean prepare(boolean loadDemo) {
        long start = System.nanoTime();
        applySchema();
        applyReferenceData();
        LOG.info("Schema and reference data applied in {} ms", (System.nanoTime() - start) / 1_000_000);
        placeOrphanFirms();
        if (loadDemo && isEmpty()) {
            LOG.info("Empty database: loading the demo markets (first start only; this takes a little while) ...");
            start = System.nanoTime();
            loadDemo();
            // the demo firm's imported customer data (source systems, unified view, segments, value)
            org.cstrat.customers.imports.DemoCustomerData.load(driver);
            // a small stored simulation run per demo market's flagship firm (simulation_runs_by_npv.cypher, "Past runs")
            org.cstrat.server.simulation.DemoSimulationRuns.store(driver);
            LOG.info("Demo markets loaded in {} ms", (System.nanoTime() - start) / 1_000_000);
            return true;
        }
        return false;
    }

    public void applySchema() {
        try (Session session = driver.session(SessionConfig.defaultConfig())) {
            // Schema changes cannot share a transaction with each other or with data: one auto-commit each.
            for (String statement : CypherFiles.script("schema.cypher")) {
                session.run(statement).consume();
            }
        }
    }

    public void applyReferenceData() {
        runInOneTransaction(CypherFiles.script("reference.cypher"), Map.of());
    }

    /** Start-up migration: a firm in no market joins the {@link UnassignedMarket}; returns how many did. */
    public long placeOrphanFirms() {
        var records = driver.executableQuery(CypherFiles.query("bootstrap/place_orphan_firms"))
                .withParameters(UnassignedMarket.parameters()).execute().records();
        long placed = records.isEmpty() ? 0 : records.get(0).get("placed").asLong();
        if (placed > 0) {
            LOG.info("{} firm(s) in no market placed in the market '{}'", placed, UnassignedMarket.NAME);
        }
        return placed;
    }

    boolean isEmpty() {
        return driver.executableQuery(CypherFiles.query("bootstrap/count_markets"))
                .withParameters(Map.of("unassigned", UnassignedMarket.ID)).execute()
                .records().get(0).get("markets").asLong() == 0;
    }

    /** Loads every demo market and its customers in one transaction: all of it or nothing. */
    public void loadDemo() {
        try (Session session = driver.session()) {
            session.executeWriteWithoutResult(tx -> {
                for (String market : DEMO_MARKETS) {
                    for (String statement : CypherFiles.script(DEMO_SCRIPTS.get(market))) {
                        tx.run(statement).consume();
                    }
                    var touchpoints = tx.run(CypherFiles.query("bootstrap/market_touchpoints"), Map.of("market", market))
                            .list(r -> new DemoCustomers.FirmTouchpoint(
                                    r.get("firm").asString(), r.get("touchpoint").asString(), r.get("initiative").asString()));
                    var demo = DemoCustomers.generate(market, touchpoints, DemoCustomers.DEFAULT_SEED);
                    Map<String, Object> parameters = Map.of("customers", demo.customers(), "interactions", demo.interactions());
                    for (String statement : CypherFiles.script("demo/customers.cypher")) {
                        tx.run(statement, parameters).consume();
                    }
                }
            });
        }
    }

    private void runInOneTransaction(List<String> statements, Map<String, Object> parameters) {
        try (Session session = driver.session()) {
            session.executeWriteWithoutResult(tx -> statements.forEach(s -> tx.run(s, parameters).consume()));
        }
    }
}
