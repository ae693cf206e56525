package org.cstrat.server.customers.identity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cstrat.server.neo4j.CypherFiles;
import org.cstrat.server.neo4j.Reads;
import org.cstrat.server.neo4j.Sessions;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.Transaction;

/**
 * Identity resolution in the graph: reads a firm's identifier links, resolves them with
 * {@link IdentityResolver}, and writes the difference (new or changed unified customers, moved records
 * with their interactions' {@code HAD} links, customers left without records). Runs inside a caller's
 * transaction (an import) or in its own (unmerge, re-link). Cypher: {@code cypher/queries/app/customers/identity_*}.
 */
public final class Neo4jIdentityStore implements IdentityStore {

    private static final String LINKS = CypherFiles.query("customers/identity_links");
    private static final String UPSERT = CypherFiles.query("customers/identity_upsert_customers");
    private static final String MOVE = CypherFiles.query("customers/identity_move_records");
    private static final String DELETE_OBSOLETE = CypherFiles.query("customers/identity_delete_obsolete");
    private static final String SET_EXCLUDED = CypherFiles.query("customers/identity_set_excluded");
    private static final String FIRM_NAME = CypherFiles.query("firm/firm_name");
    private static final String COVERAGE = CypherFiles.query("customers/view_coverage");
    private static final String CHANNELS = CypherFiles.query("customers/view_channels");
    private static final String SYSTEMS = CypherFiles.query("customers/view_systems");
    private static final String OVER_MERGED = CypherFiles.query("customers/view_over_merged");
    private static final String EXCLUDED = CypherFiles.query("customers/view_excluded");
    private static final int OVER_MERGED_LIMIT = 50;
    static final int BATCH = 10_000;

    private final Driver driver;
    private final Reads reads;

    public Neo4jIdentityStore(Driver driver) {
        this.driver = driver;
        this.reads = new Reads(driver);
    }

    /** The firm's name, if the firm exists. */
    @Override
    public Optional<String> firmName(String firm) {
        return reads.list(FIRM_NAME, Map.of("firm", firm), r -> r.get("name").asString(r.get("id").asString())).stream().findFirst();
    }

    /** The unified-view report of a firm (which must exist). */
    @Override
    public UnifiedView view(String firm, String firmName, int maxPerKind) {
        Map<String, Object> p = Map.of("firm", firm);
        Record c = reads.list(COVERAGE, p, r -> r).stream().findFirst().orElse(null);
        long interactions = c == null ? 0 : c.get("interactions").asLong(0);
        List<UnifiedView.SystemLinks> systems = reads.list(SYSTEMS, p, r -> new UnifiedView.SystemLinks(r.get("system").asString(),
                r.get("records").asLong(), r.get("linked").asLong(), r.get("sharesWith").asList(v -> v.asString())));
        List<UnifiedView.ChannelLinks> channels = reads.list(CHANNELS, p, r -> new UnifiedView.ChannelLinks(r.get("channel").asString(),
                r.get("customers").asLong(), r.get("shared").asLong()));
        List<UnifiedView.OverMerged> over = reads.list(OVER_MERGED, Map.of("firm", firm, "max", maxPerKind, "limit", OVER_MERGED_LIMIT),
                r -> new UnifiedView.OverMerged(r.get("customer").asString(), r.get("records").asLong(0), r.get("kinds").asList(v -> v.asString()),
                        r.get("identifiers").asList(v -> new UnifiedView.IdentifierUse(v.get("id").asString(), v.get("kind").asString(),
                                v.get("value").asString(), v.get("records").asLong()))));
        List<UnifiedView.ExcludedLink> excluded = reads.list(EXCLUDED, p, r -> new UnifiedView.ExcludedLink(r.get("record").asString(),
                r.get("identifier").asString(), r.get("kind").asString(), r.get("value").asString()));
        return new UnifiedView(firm, firmName, interactions, c == null ? 0 : c.get("attached").asLong(0), c == null ? 0 : c.get("covered").asLong(0),
                c == null ? 0 : c.get("customers").asLong(0), c == null ? 0 : c.get("multichannelCustomers").asLong(0),
                systems, channels, over, excluded, maxPerKind);
    }

    /** Resolves the firm's identities in its own transaction. */
    @Override
    public Outcome resolve(String firm) {
        try (Session session = Sessions.open(driver)) {
            return session.executeWrite(tx -> resolve(tx, firm));
        }
    }

    /** Sets or clears the {@code excluded} flag of links to an identifier, then re-resolves; all in one transaction. */
    @Override
    public long setExcluded(String firm, String identifier, String record, boolean excluded) {
        try (Session session = Sessions.open(driver)) {
            return session.executeWrite(tx -> {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("firm", firm);
                p.put("identifier", identifier);
                p.put("record", record);
                p.put("excluded", excluded);
                long links = tx.run(SET_EXCLUDED, p).single().get("links").asLong();
                if (links > 0) {
                    resolve(tx, firm);
                }
                return links;
            });
        }
    }

    /** Resolves the firm's identities in the caller's transaction, writing the customers that are new or changed. */
    public static Outcome resolve(SimpleQueryRunner tx, String firm) {
        return resolve(tx, firm, false);
    }

    /**
     * Resolves the firm's identities in the caller's transaction; {@code rewriteAll} writes every customer's
     * properties, not only those of customers whose records moved (after records were deleted, as when an
     * import is rolled back, a customer may have lost records without any record moving).
     */
    public static Outcome resolve(SimpleQueryRunner tx, String firm, boolean rewriteAll) {
        List<IdentityResolver.RecordLinks> links = tx.run(LINKS, Map.of("firm", firm)).list(Neo4jIdentityStore::links);
        return write(firm, links, rewriteAll, (query, parameters) -> tx.run(query, parameters).consume());
    }

    /**
     * Resolves the firm's identities with each batch of writes in a transaction of its own: for an import's
     * staging, whose rollback resolves everything again anyway. A failure surfaces (no retry).
     */
    public static Outcome resolveInBatches(Session session, String firm) {
        List<IdentityResolver.RecordLinks> links = session.executeRead(tx -> tx.run(LINKS, Map.of("firm", firm)).list(Neo4jIdentityStore::links));
        return write(firm, links, false, (query, parameters) -> {
            try (Transaction tx = session.beginTransaction()) {
                tx.run(query, parameters).consume();
                tx.commit();
            }
        });
    }

    /** Runs one batch of writes. */
    private interface Writes {
        void run(String query, Map<String, Object> parameters);
    }

    private static Outcome write(String firm, List<IdentityResolver.RecordLinks> links, boolean rewriteAll, Writes writes) {
        IdentityResolver.Resolution resolution = IdentityResolver.resolve(firm, links);
        List<IdentityResolver.UnifiedCustomer> changed = rewriteAll ? resolution.customers() : resolution.changed();
        List<Map<String, Object>> rows = new ArrayList<>(Math.min(BATCH, changed.size()));
        for (IdentityResolver.UnifiedCustomer c : changed) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", c.id());
            row.put("records", c.records().size());
            row.put("systems", c.systems());
            row.put("since", c.since());
            rows.add(row);
            if (rows.size() == BATCH) {
                writes.run(UPSERT, Map.of("firm", firm, "rows", rows));
                rows = new ArrayList<>(BATCH);
            }
        }
        if (!rows.isEmpty()) {
            writes.run(UPSERT, Map.of("firm", firm, "rows", rows));
        }
        List<Map<String, Object>> moves = new ArrayList<>();
        for (IdentityResolver.Move m : resolution.moves()) {
            moves.add(Map.of("record", m.record(), "customer", m.to()));
            if (moves.size() == BATCH) {
                writes.run(MOVE, Map.of("rows", moves));
                moves = new ArrayList<>();
            }
        }
        if (!moves.isEmpty()) {
            writes.run(MOVE, Map.of("rows", moves));
        }
        if (!resolution.obsolete().isEmpty()) {
            writes.run(DELETE_OBSOLETE, Map.of("ids", List.copyOf(resolution.obsolete())));
        }
        return new Outcome(resolution.customers().size(), changed.size(), resolution.moves().size(), resolution.obsolete().size());
    }

    private static IdentityResolver.RecordLinks links(Record r) {
        LocalDate since = r.get("since").isNull() ? null : r.get("since").asLocalDate();
        return new IdentityResolver.RecordLinks(r.get("record").asString(), r.get("system").asString(), since,
                r.get("identifiers").asList(v -> v.asString()), r.get("customer").asString(null));
    }
}
