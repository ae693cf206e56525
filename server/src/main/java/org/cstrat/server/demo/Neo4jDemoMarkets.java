package org.cstrat.server.demo;

import java.util.List;
import java.util.Map;

import org.cstrat.server.neo4j.BootstrapProgress;
import org.cstrat.server.neo4j.CypherFiles;
import org.cstrat.server.neo4j.CypherLiteral;
import org.cstrat.server.neo4j.Sessions;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo markets through the Driver: each market's script ({@code cypher/demo/*.cypher}) and its synthetic customers
 * ({@link DemoCustomers}, {@code cypher/demo/customers.cypher}), all in one transaction.
 */
public final class Neo4jDemoMarkets {

    private static final Logger LOG = LoggerFactory.getLogger(Neo4jDemoMarkets.class);

    /** The demo markets, in load order; each market script is followed by its synthetic customers. */
    public static final List<String> DEMO_MARKETS = List.of("us-mobility", "us-chronic-health", "us-connected-fitness");
    private static final Map<String, String> DEMO_SCRIPTS = Map.of(
            "us-mobility", "demo/mobility.cypher",
            "us-chronic-health", "demo/health.cypher",
            "us-connected-fitness", "demo/fitness.cypher");

    private final Driver driver;

    public Neo4jDemoMarkets(Driver driver) {
        this.driver = driver;
    }

    /** Loads every demo market and its customers in one transaction: all of it or nothing. */
    public void load() {
        load(BootstrapProgress.NONE);
    }

    public void load(BootstrapProgress progress) {
        try (Session session = Sessions.open(driver)) {
            session.executeWriteWithoutResult(tx -> {
                for (int m = 0; m < DEMO_MARKETS.size(); m++) {
                    String market = DEMO_MARKETS.get(m);
                    progress.phase("demo market " + market, 10 + 50 * m / DEMO_MARKETS.size());
                    long start = System.nanoTime();
                    List<CypherLiteral.Lifted> script = marketStatements(market);
                    for (CypherLiteral.Lifted statement : script) {
                        tx.run(statement.statement(), statement.parameters()).consume();
                    }
                    long scriptMillis = millisSince(start);
                    var touchpoints = tx.run(CypherFiles.query("bootstrap/market_touchpoints"), Map.of("market", market))
                            .list(r -> new DemoCustomers.FirmTouchpoint(
                                    r.get("firm").asString(), r.get("touchpoint").asString(), r.get("initiative").asString()));
                    var demo = DemoCustomers.generate(market, touchpoints, DemoCustomers.DEFAULT_SEED);
                    Map<String, Object> parameters = demo.parameters();
                    for (String statement : CypherFiles.script("demo/customers.cypher")) {
                        tx.run(statement, parameters).consume();
                    }
                    LOG.info("Demo market {}: {} statements in {} ms, {} customers and {} interactions in {} ms", market, script.size(),
                            scriptMillis, demo.customers().size(), demo.interactions().size(), millisSince(start) - scriptMillis);
                }
            });
        }
    }

    /**
     * The statements of a demo market's script, each {@code UNWIND [literal rows] AS x ...} with its rows lifted into
     * {@code $rows}: the three scripts share their statements' shapes, so the second and third market reuse the first
     * one's plans instead of compiling every statement afresh (compiling was most of the demo's load time).
     */
    public static List<CypherLiteral.Lifted> marketStatements(String market) {
        return CypherFiles.script(demoScript(market)).stream().map(CypherLiteral::liftUnwindRows).toList();
    }

    /** The script of a demo market, e.g. {@code demo/mobility.cypher}. */
    public static String demoScript(String market) {
        String script = DEMO_SCRIPTS.get(market);
        if (script == null) {
            throw new IllegalArgumentException("market: no demo script for '" + market + "' (demo markets: " + DEMO_MARKETS + ")");
        }
        return script;
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
