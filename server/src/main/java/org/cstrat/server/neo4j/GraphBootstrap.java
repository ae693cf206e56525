package org.cstrat.server.neo4j;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database to the model the application expects: constraints and indexes
 * ({@code cypher/schema.cypher}), the framework vocabulary ({@code cypher/reference.cypher}) and,
 * firms in no market placed in the unassigned one. Every step is idempotent. The demo is loaded after it, into an
 * empty database, by {@code demo.DemoData}.
 */
public final class GraphBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(GraphBootstrap.class);

    /** {@code CREATE CONSTRAINT name IF NOT EXISTS ...} or {@code CREATE INDEX name IF NOT EXISTS ...}: kind and name. */
    private static final Pattern SCHEMA_NAME = Pattern.compile("\\ACREATE\\s+(CONSTRAINT|INDEX)\\s+(\\w+)\\s+IF\\s+NOT\\s+EXISTS\\b");

    private final Driver driver;

    public GraphBootstrap(Driver driver) {
        this.driver = driver;
    }

    /** Applies schema and reference data and places firms in no market; every step idempotent. */
    public void prepare() {
        prepare(BootstrapProgress.NONE);
    }

    /** As {@link #prepare()}, telling {@code progress} each step. The demo, if wanted, comes after it ({@code demo.DemoData}). */
    public void prepare(BootstrapProgress progress) {
        long start = System.nanoTime();
        progress.phase("schema", 0);
        applySchema();
        progress.phase("reference data", 5);
        applyReferenceData();
        LOG.info("Schema and reference data applied in {} ms", millisSince(start));
        placeOrphanFirms();
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    public void applySchema() {
        try (Session session = Sessions.open(driver)) {
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

    /** Whether the database holds no market yet (the unassigned one aside): a first start. */
    public boolean isEmpty() {
        return driver.executableQuery(CypherFiles.query("bootstrap/count_markets"))
                .withParameters(Map.of("unassigned", UnassignedMarket.ID)).execute()
                .records().get(0).get("markets").asLong() == 0;
    }

    private void runInOneTransaction(List<String> statements, Map<String, Object> parameters) {
        try (Session session = Sessions.open(driver)) {
            session.executeWriteWithoutResult(tx -> statements.forEach(s -> tx.run(s, parameters).consume()));
        }
    }
}
