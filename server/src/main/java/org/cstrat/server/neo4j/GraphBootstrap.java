package org.cstrat.server.neo4j;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** {@code CREATE CONSTRAINT name IF NOT EXISTS ...} or {@code CREATE INDEX name IF NOT EXISTS ...}: kind and name. */
    private static final Pattern SCHEMA_NAME = Pattern.compile("\\ACREATE\\s+(CONSTRAINT|INDEX)\\s+(\\w+)\\s+IF\\s+NOT\\s+EXISTS\\b");

    private final Driver driver;

    public GraphBootstrap(Driver driver) {
        this.driver = driver;
    }

    /** Applies schema and reference data; loads the demo when no market exists. Returns whether the demo was loaded. */
    public boolean prepare(boolean loadDemo) {
        return prepare(loadDemo, BootstrapProgress.NONE);
    }

    /** As {@link #prepare(boolean)}, telling {@code progress} each step (schema, reference data, each demo market, customer data). */
    public boolean prepare(boolean loadDemo, BootstrapProgress progress) {
        long start = System.nanoTime();
        progress.phase("schema", 0);
        applySchema();
        progress.phase("reference data", 5);
        applyReferenceData();
        LOG.info("Schema and reference data applied in {} ms", millisSince(start));
        placeOrphanFirms();
        if (loadDemo && isEmpty()) {
            LOG.info("Empty database: loading the demo markets (first start only) ...");
            start = System.nanoTime();
            // The demo runs need no graph to be computed: one thread makes them while this one writes (the writes use about
            // one core); they are stored once their firms exist. Same results on any number of threads.
            CompletableFuture<List<org.cstrat.server.simulation.StoredRun>> runs = new CompletableFuture<>();
            Thread simulator = new Thread(() -> {
                try {
                    runs.complete(org.cstrat.server.simulation.DemoSimulationRuns.compute(1));
                } catch (RuntimeException | Error e) {
                    runs.completeExceptionally(e);
                }
            }, "cstrat-demo-runs");
            simulator.setDaemon(true);
            simulator.start();
            loadDemo(progress);
            long markets = millisSince(start);
            progress.phase("demo customer data of " + org.cstrat.customers.imports.DemoCustomerData.FIRM, 60);
            // the demo firm's imported customer data (source systems, unified view, segments, value)
            org.cstrat.customers.imports.DemoCustomerData.load(driver);
            long customers = millisSince(start) - markets;
            // a small stored simulation run per demo market's flagship firm (simulation_runs_by_npv.cypher, "Past runs")
            progress.phase("demo simulation runs", 90);
            long waited = System.nanoTime();
            List<org.cstrat.server.simulation.StoredRun> made;
            try {
                made = runs.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
            long waitedMillis = millisSince(waited);
            org.cstrat.server.simulation.DemoSimulationRuns.save(driver, made);
            progress.phase("done", 100);
            LOG.info("Demo markets loaded in {} ms (markets and their customers {} ms, {}'s imported customer data {} ms, demo runs"
                            + " computed meanwhile, then waited for {} ms and stored in {} ms)",
                    millisSince(start), markets, org.cstrat.customers.imports.DemoCustomerData.FIRM, customers, waitedMillis,
                    millisSince(start) - markets - customers - waitedMillis);
            return true;
        }
        return false;
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    public void applySchema() {
        try (Session session = driver.session(SessionConfig.defaultConfig())) {
            // what exists already is skipped (a restart compiles and runs none of them): the same as IF NOT EXISTS, faster
            Set<String> existing = new HashSet<>();
            session.run(CypherFiles.query("bootstrap/constraint_names")).forEachRemaining(r -> existing.add("CONSTRAINT " + r.get("name").asString()));
            session.run(CypherFiles.query("bootstrap/index_names")).forEachRemaining(r -> existing.add("INDEX " + r.get("name").asString()));
            // Schema changes cannot share a transaction with each other or with data: one auto-commit each.
            for (String statement : CypherFiles.script("schema.cypher")) {
                Matcher named = SCHEMA_NAME.matcher(statement);
                if (!named.find() || !existing.contains(named.group(1) + " " + named.group(2))) {
                    session.run(statement).consume();
                }
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
        loadDemo(BootstrapProgress.NONE);
    }

    private void loadDemo(BootstrapProgress progress) {
        try (Session session = driver.session()) {
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
    static List<CypherLiteral.Lifted> marketStatements(String market) {
        return CypherFiles.script(demoScript(market)).stream().map(CypherLiteral::liftUnwindRows).toList();
    }

    /** The script of a demo market, e.g. {@code demo/mobility.cypher}. */
    static String demoScript(String market) {
        String script = DEMO_SCRIPTS.get(market);
        if (script == null) {
            throw new IllegalArgumentException("market: no demo script for '" + market + "' (demo markets: " + DEMO_MARKETS + ")");
        }
        return script;
    }

    private void runInOneTransaction(List<String> statements, Map<String, Object> parameters) {
        try (Session session = driver.session()) {
            session.executeWriteWithoutResult(tx -> statements.forEach(s -> tx.run(s, parameters).consume()));
        }
    }
}
