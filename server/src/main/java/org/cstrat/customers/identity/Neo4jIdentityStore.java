package org.cstrat.customers.identity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cstrat.server.neo4j.CypherFiles;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;

/**
 * Identity resolution in the graph: reads a firm's identifier links, resolves them with
 * {@link IdentityResolver}, and writes the difference (new or changed unified customers, moved records
 * with their interactions' {@code HAD} links, customers left without records). Runs inside a caller's
 * transaction (an import) or in its own (unmerge, re-link). Cypher: {@code cypher/queries/app/customers/identity_*}.
 */
public final class Neo4jIdentityStore {

    private static final String LINKS = CypherFiles.query("customers/identity_links");
    private static final String UPSERT = CypherFiles.query("customers/identity_upsert_customers");
    private static final String MOVE = CypherFiles.query("customers/identity_move_records");
    private static final String DELETE_OBSOLETE = CypherFiles.query("customers/identity_delete_obsolete");
    private static final String SET_EXCLUDED = CypherFiles.query("customers/identity_set_excluded");
    static final int BATCH = 10_000;

    /** What a resolution changed. */
    public record Outcome(int customers, int changedCustomers, int movedRecords, int removedCustomers) {
    }

    private final Driver driver;

    public Neo4jIdentityStore(Driver driver) {
        this.driver = driver;
    }

    /** Resolves the firm's identities in its own transaction. */
    public Outcome resolve(String firm) {
        try (Session session = driver.session()) {
            return session.executeWrite(tx -> resolve(tx, firm));
        }
    }

    /** Sets or clears the {@code excluded} flag of links to an identifier, then re-resolves; all in one transaction. */
    public long setExcluded(String firm, String identifier, String record, boolean excluded) {
        try (Session session = driver.session()) {
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

    public static Outcome resolve(TransactionContext tx, String firm) {
        List<IdentityResolver.RecordLinks> links = tx.run(LINKS, Map.of("firm", firm)).list(Neo4jIdentityStore::links);
        IdentityResolver.Resolution resolution = IdentityResolver.resolve(firm, links);
        List<IdentityResolver.UnifiedCustomer> changed = resolution.changed();
        List<Map<String, Object>> rows = new ArrayList<>(Math.min(BATCH, changed.size()));
        for (IdentityResolver.UnifiedCustomer c : changed) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", c.id());
            row.put("records", c.records().size());
            row.put("systems", c.systems());
            row.put("since", c.since());
            rows.add(row);
            if (rows.size() == BATCH) {
                tx.run(UPSERT, Map.of("firm", firm, "rows", rows)).consume();
                rows = new ArrayList<>(BATCH);
            }
        }
        if (!rows.isEmpty()) {
            tx.run(UPSERT, Map.of("firm", firm, "rows", rows)).consume();
        }
        List<Map<String, Object>> moves = new ArrayList<>();
        for (IdentityResolver.Move m : resolution.moves()) {
            moves.add(Map.of("record", m.record(), "customer", m.to()));
            if (moves.size() == BATCH) {
                tx.run(MOVE, Map.of("rows", moves)).consume();
                moves = new ArrayList<>();
            }
        }
        if (!moves.isEmpty()) {
            tx.run(MOVE, Map.of("rows", moves)).consume();
        }
        if (!resolution.obsolete().isEmpty()) {
            tx.run(DELETE_OBSOLETE, Map.of("ids", List.copyOf(resolution.obsolete()))).consume();
        }
        return new Outcome(resolution.customers().size(), changed.size(), resolution.moves().size(), resolution.obsolete().size());
    }

    private static IdentityResolver.RecordLinks links(Record r) {
        LocalDate since = r.get("since").isNull() ? null : r.get("since").asLocalDate();
        return new IdentityResolver.RecordLinks(r.get("record").asString(), r.get("system").asString(), since,
                r.get("identifiers").asList(v -> v.asString()), r.get("customer").asString(null));
    }
}
