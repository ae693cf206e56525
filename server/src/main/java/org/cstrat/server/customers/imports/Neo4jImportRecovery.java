package org.cstrat.server.customers.imports;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.cstrat.server.customers.identity.Neo4jIdentityStore;
import org.cstrat.server.neo4j.CypherFiles;
import org.cstrat.server.neo4j.Sessions;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rolls back imports that did not finish: deletes every node the import created ({@code importedBy} = its id,
 * with their relationships) and the unified customers left without records, resolves the firm's identities
 * again and rewrites every customer (which restores the unified customers the import had merged or grown:
 * resolution is a function of the records and their identifiers), and marks the
 * {@code (:Import)} {@code rolled back} with the reason. Nothing else needs undoing, because an import changes
 * existing nodes only in its last transaction (see {@link Neo4jImportStore}).
 */
public final class Neo4jImportRecovery {

    /** A running import that has not written for this long is taken for dead (its heartbeat comes with every staged transaction). */
    public static final Duration SILENT_AFTER = Duration.ofMinutes(15);

    private static final Logger LOG = LoggerFactory.getLogger(Neo4jImportRecovery.class);
    private static final String UNFINISHED = CypherFiles.query("customers/import_unfinished");
    private static final String UNDO_NODES = CypherFiles.query("customers/import_undo_nodes");
    private static final String UNDO_ORPHANS = CypherFiles.query("customers/import_undo_orphans");
    private static final String UNDONE = CypherFiles.query("customers/import_undone");

    private final Driver driver;

    public Neo4jImportRecovery(Driver driver) {
        this.driver = driver;
    }

    /** A new import id: the start time in microseconds-ish (milliseconds × 1000 plus a random part), readable and sortable. */
    static long newImportId() {
        return System.currentTimeMillis() * 1000 + ThreadLocalRandom.current().nextInt(1000);
    }

    /**
     * Rolls back every unfinished import silent for at least {@code silence} ({@link Duration#ZERO}: all of
     * them, right for an embedded database that only this process can open) of {@code firm}, or of every firm
     * when {@code firm} is null. Returns how many it rolled back.
     */
    public int rollBackSilent(String firm, Duration silence) {
        Map<String, Object> p = new HashMap<>();
        p.put("firm", firm);
        p.put("before", ZonedDateTime.now(ZoneOffset.UTC).minus(silence));
        List<Map<String, Object>> dead;
        try (Session session = Sessions.open(driver)) {
            dead = session.executeRead(tx -> tx.run(UNFINISHED, p).list(r -> r.asMap()));
        }
        for (Map<String, Object> d : dead) {
            LOG.warn("Rolling back import {} into firm '{}' (started {}), which did not finish", d.get("id"), d.get("firm"), d.get("startedAt"));
            rollBack((Long) d.get("id"), (String) d.get("firm"), "the import's process stopped before the import finished");
        }
        return dead.size();
    }

    /**
     * At start: rolls back the imports whose process is gone. With an embedded store ({@code exclusive}), only
     * this process can write to it, so every running import is dead; on a shared server, those silent for
     * {@link #SILENT_AFTER}.
     */
    public int rollBackDead(boolean exclusive) {
        return rollBackSilent(null, exclusive ? Duration.ZERO : SILENT_AFTER);
    }

    /** Rolls back one import (idempotent: running it again after a failure finishes the job). */
    public void rollBack(long id, String firm, String reason) {
        try (Session session = Sessions.open(driver)) {
            // CALL { ... } IN TRANSACTIONS needs an implicit transaction.
            session.run(UNDO_NODES, Map.of("import", id)).consume();
            session.executeWrite(tx -> {
                tx.run(UNDO_ORPHANS, Map.of("firm", firm)).consume();
                return Neo4jIdentityStore.resolve(tx, firm, true);
            });
            session.executeWrite(tx -> tx.run(UNDONE, Map.of("import", id, "error", reason)).consume());
        }
    }
}
