package org.cstrat.customers.imports;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.cstrat.customers.identity.Neo4jIdentityStore;
import org.cstrat.server.ValidationException;
import org.cstrat.server.neo4j.CypherFiles;
import org.cstrat.server.neo4j.Reads;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.exceptions.ClientException;

/**
 * Writes a validated {@link ImportBatch} as one unit in several transactions, so that a million
 * interactions do not have to fit one transaction's memory:
 * <ol>
 *   <li><b>begin</b>: an {@code (:Import)} node, {@code running}; its unique {@code running} property
 *       (the firm's id) lets one import per firm run at a time;</li>
 *   <li><b>stage</b> (one transaction): what the new interactions need and the graph does not hold yet,
 *       <i>created only</i> &mdash; the firm, touchpoints and their channels, new customer records with their
 *       identifiers &mdash; then identity resolution, so every record has its unified customer;</li>
 *   <li><b>stage</b> (one transaction per {@code txRows} interactions): the new interactions, linked at creation
 *       to their record, their unified customer and their touchpoint;</li>
 *   <li><b>finish</b> (one transaction): every update of what existed before (firm, channels, touchpoints,
 *       actors, records, interactions imported before), identity resolution again, and the
 *       {@code (:Import)} marked {@code complete}.</li>
 * </ol>
 * Every node an import creates carries {@code importedBy} = the import's id. If any step fails, {@link
 * ImportRecovery} deletes those nodes and resolves the firm's identities again, which leaves the graph as it
 * was before (existing nodes are only changed in the last transaction). An import whose process died is rolled
 * back the same way when the workbench starts or when the next import of that firm finds it silent.
 * Also answers the validation look-ups ({@link ImportLookup}) from the graph as it is before the import.
 */
public final class Neo4jImportStore implements ImportLookup {

    /** Rows per statement; 10,000 was the fastest of 2,000 / 5,000 / 10,000 / 20,000 / 50,000 in the import benchmark. */
    public static final int BATCH_DEFAULT = 10_000;
    /** Interactions per staged transaction. */
    public static final int TX_ROWS_DEFAULT = 50_000;

    private static final String FIRM = CypherFiles.query("customers/import_firm");
    private static final String CHANNELS = CypherFiles.query("customers/import_channels");
    private static final String TOUCHPOINTS = CypherFiles.query("customers/import_touchpoints");
    private static final String ACTORS = CypherFiles.query("customers/import_actors");
    private static final String STAGE_CHANNELS = CypherFiles.query("customers/import_stage_channels");
    private static final String STAGE_TOUCHPOINTS = CypherFiles.query("customers/import_stage_touchpoints");
    private static final String RECORDS = CypherFiles.query("customers/import_records");
    private static final String RECORDS_NEW = CypherFiles.query("customers/import_records_new");
    private static final String EXISTING_RECORDS = CypherFiles.query("customers/existing_records");
    private static final String EXISTING_INTERACTIONS = CypherFiles.query("customers/existing_interactions");
    private static final String FIRM_HAS_RECORDS = CypherFiles.query("customers/firm_has_records");
    private static final String INTERACTIONS_NEW = CypherFiles.query("customers/import_interactions_new");
    private static final String INTERACTIONS_UPDATE = CypherFiles.query("customers/import_interactions_update");
    private static final String BEGIN = CypherFiles.query("customers/import_begin");
    private static final String HEARTBEAT = CypherFiles.query("customers/import_heartbeat");
    private static final String FINISH = CypherFiles.query("customers/import_finish");
    private static final String LOOKUP_CHANNELS = CypherFiles.query("customers/lookup_channels");
    private static final String LOOKUP_TOUCHPOINT_OWNERS = CypherFiles.query("customers/lookup_touchpoint_owners");

    private final Driver driver;
    private final Reads reads;
    private final ImportRecovery recovery;
    private final int batch;
    private final int txRows;

    public Neo4jImportStore(Driver driver) {
        this(driver, BATCH_DEFAULT, TX_ROWS_DEFAULT);
    }

    public Neo4jImportStore(Driver driver, int batch, int txRows) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be >= 1, got " + batch);
        }
        if (txRows < batch) {
            throw new IllegalArgumentException("rows per transaction must be >= rows per statement (" + batch + "), got " + txRows);
        }
        this.driver = driver;
        this.reads = new Reads(driver);
        this.recovery = new ImportRecovery(driver);
        this.batch = batch;
        this.txRows = txRows;
    }

    @Override
    public Set<String> channels() {
        return new HashSet<>(reads.list(LOOKUP_CHANNELS, Map.of(), r -> r.get("id").asString()));
    }

    @Override
    public Map<String, String> touchpointOwners(Collection<String> touchpointIds) {
        Map<String, String> owners = new HashMap<>();
        reads.list(LOOKUP_TOUCHPOINT_OWNERS, Map.of("ids", List.copyOf(touchpointIds)), r -> r)
                .forEach(r -> owners.merge(r.get("id").asString(), r.get("firm").asString(), (a, b) -> a.isEmpty() ? b : a));
        return owners;
    }

    @Override
    public Set<String> existingRecords(Collection<String> recordIds) {
        Set<String> found = new HashSet<>();
        for (List<String> chunk : chunks(List.copyOf(recordIds), batch)) {
            found.addAll(reads.list(EXISTING_RECORDS, Map.of("ids", chunk), r -> r.get("id").asString()));
        }
        return found;
    }

    /**
     * Writes the batch; on any failure the import is rolled back (see the class comment) and the failure
     * rethrown. The report's time runs from {@code startNanos} to the end of the last transaction.
     *
     * @param files names of the imported files, kept on the {@code (:Import)} node
     */
    public ImportReport write(ImportBatch b, List<String> files, ImportProgress progress, long startNanos) {
        recovery.rollBackSilent(b.firm(), ImportRecovery.SILENT_AFTER);
        long id = begin(b, files);
        try {
            ImportReport report = write(id, b, progress);
            long millis = (System.nanoTime() - startNanos) / 1_000_000;
            return new ImportReport(report.firm(), report.channels(), report.touchpoints(), report.actors(), report.newRecords(),
                    report.updatedRecords(), report.newInteractions(), report.updatedInteractions(), report.unifiedCustomers(),
                    report.changedCustomers(), millis);
        } catch (RuntimeException e) {
            progress.phase("rolling back");
            try {
                recovery.rollBack(id, b.firm(), String.valueOf(e.getMessage()));
            } catch (RuntimeException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
    }

    private long begin(ImportBatch b, List<String> files) {
        long id = ImportRecovery.newImportId();
        try (Session session = driver.session()) {
            session.executeWrite(tx -> tx.run(BEGIN, Map.of("import", id, "firm", b.firm(), "files", files,
                    "interactions", b.interactions().size())).consume());
        } catch (ClientException e) {
            if ("Neo.ClientError.Schema.ConstraintValidationFailed".equals(e.code())) {
                throw ValidationException.of(409, "firm", "another import into firm '" + b.firm() + "' is running; try again when it has finished");
            }
            throw e;
        }
        return id;
    }

    private ImportReport write(long id, ImportBatch b, ImportProgress progress) {
        String firm = b.firm();
        Staged staged;
        progress.phase("customer records");
        // Explicit transactions, not executeWrite: a failure must surface (and be rolled back), not be retried.
        try (Session session = driver.session(); Transaction tx = session.beginTransaction(TransactionConfig.empty())) {
            staged = stage(tx, id, b, progress);
            tx.commit();
        }
        progress.phase("interactions");
        long total = b.interactions().size();
        long done = 0;
        progress.interactions(0, total);
        List<Map<String, Object>> groups = new ArrayList<>();
        int items = 0;
        List<List<Map<String, Object>>> statements = new ArrayList<>();
        int inTx = 0;
        try (Session session = driver.session()) {
            for (Map.Entry<String, List<ImportBatch.Interaction>> e : staged.newByRecord().entrySet()) {
                List<Map<String, Object>> rows = new ArrayList<>(e.getValue().size());
                for (ImportBatch.Interaction i : e.getValue()) {
                    rows.add(interactionRow(i));
                }
                groups.add(Map.of("record", e.getKey(), "items", rows));
                items += rows.size();
                if (items >= batch) {
                    statements.add(groups);
                    inTx += items;
                    groups = new ArrayList<>();
                    items = 0;
                    if (inTx >= txRows) {
                        done += writeInteractions(session, id, statements, inTx);
                        progress.interactions(done, total);
                        statements = new ArrayList<>();
                        inTx = 0;
                    }
                }
            }
            if (!groups.isEmpty()) {
                statements.add(groups);
                inTx += items;
            }
            if (!statements.isEmpty()) {
                done += writeInteractions(session, id, statements, inTx);
                progress.interactions(done, total);
            }
        }
        progress.phase("commit");
        try (Session session = driver.session(); Transaction tx = session.beginTransaction(TransactionConfig.empty())) {
            ImportReport report = finish(tx, id, b, staged);
            tx.commit();
            progress.interactions(total, total);
            return report;
        }
    }

    /** What the staging transaction found and prepared. */
    private record Staged(List<ImportBatch.SourceRecord> newRecords, List<ImportBatch.SourceRecord> oldRecords,
                          Map<String, List<ImportBatch.Interaction>> newByRecord, List<ImportBatch.Interaction> updates) {
    }

    private Staged stage(SimpleQueryRunner tx, long id, ImportBatch b, ImportProgress progress) {
        String firm = b.firm();
        tx.run(FIRM, params(firm, id)).consume();
        boolean fresh = !tx.run(FIRM_HAS_RECORDS, Map.of("firm", firm)).single().get("any").asBoolean();
        Set<String> touchpointChannels = new HashSet<>();
        b.touchpoints().forEach(t -> touchpointChannels.add(t.channel()));
        runBatches(tx, STAGE_CHANNELS, firm, id, b.channels().stream().filter(c -> touchpointChannels.contains(c.id())).toList(),
                Neo4jImportStore::channelRow);
        runBatches(tx, STAGE_TOUCHPOINTS, firm, id, b.touchpoints(), Neo4jImportStore::touchpointRow);

        Set<String> existingRecords = fresh ? Set.of() : existing(tx, EXISTING_RECORDS, b.records().stream().map(ImportBatch.SourceRecord::id).toList());
        List<ImportBatch.SourceRecord> newRecords = b.records().stream().filter(r -> !existingRecords.contains(r.id())).toList();
        List<ImportBatch.SourceRecord> oldRecords = b.records().stream().filter(r -> existingRecords.contains(r.id())).toList();
        runBatches(tx, RECORDS_NEW, firm, id, newRecords, Neo4jImportStore::recordRow);

        progress.phase("identity resolution");
        Neo4jIdentityStore.resolve(tx, firm);

        List<ImportBatch.Interaction> all = b.interactions();
        Set<String> existingInteractions = fresh ? Set.of()
                : existing(tx, EXISTING_INTERACTIONS, all.stream().map(ImportBatch.Interaction::id).toList());
        Map<String, List<ImportBatch.Interaction>> byRecord = new LinkedHashMap<>();
        List<ImportBatch.Interaction> updates = new ArrayList<>();
        for (ImportBatch.Interaction i : all) {
            if (existingInteractions.contains(i.id())) {
                updates.add(i);
            } else {
                byRecord.computeIfAbsent(i.record(), k -> new ArrayList<>()).add(i);
            }
        }
        return new Staged(newRecords, oldRecords, byRecord, updates);
    }

    /** One staged transaction of new interactions; returns how many it wrote. */
    private int writeInteractions(Session session, long id, List<List<Map<String, Object>>> statements, int rows) {
        try (Transaction tx = session.beginTransaction(TransactionConfig.empty())) {
            for (List<Map<String, Object>> groups : statements) {
                tx.run(INTERACTIONS_NEW, Map.of("groups", groups, "import", id)).consume();
            }
            tx.run(HEARTBEAT, Map.of("import", id)).consume();
            tx.commit();
        }
        return rows;
    }

    private ImportReport finish(SimpleQueryRunner tx, long id, ImportBatch b, Staged staged) {
        String firm = b.firm();
        tx.run(FIRM, params(firm, id)).consume();
        runBatches(tx, CHANNELS, firm, id, b.channels(), Neo4jImportStore::channelRow);
        runBatches(tx, TOUCHPOINTS, firm, id, b.touchpoints(), Neo4jImportStore::touchpointRow);
        runBatches(tx, ACTORS, firm, id, b.actors(), a -> Map.of("id", a.id(), "name", a.name(), "kind", a.kind(), "role", a.role()));
        runBatches(tx, RECORDS, firm, id, staged.oldRecords(), Neo4jImportStore::recordRow);
        Neo4jIdentityStore.Outcome identity = Neo4jIdentityStore.resolve(tx, firm);
        for (List<ImportBatch.Interaction> chunk : chunks(staged.updates(), batch)) {
            tx.run(INTERACTIONS_UPDATE, Map.of("rows", chunk.stream().map(Neo4jImportStore::interactionRow).toList())).consume();
        }
        int newInteractions = b.interactions().size() - staged.updates().size();
        Map<String, Object> done = new HashMap<>();
        done.put("import", id);
        done.put("newRecords", staged.newRecords().size());
        done.put("updatedRecords", staged.oldRecords().size());
        done.put("newInteractions", newInteractions);
        done.put("updatedInteractions", staged.updates().size());
        done.put("unifiedCustomers", identity.customers());
        tx.run(FINISH, done).consume();
        return new ImportReport(firm, b.channels().size(), b.touchpoints().size(), b.actors().size(), staged.newRecords().size(),
                staged.oldRecords().size(), newInteractions, staged.updates().size(), identity.customers(), identity.changedCustomers(), 0);
    }

    private static Map<String, Object> params(String firm, long id) {
        return Map.of("firm", firm, "import", id);
    }

    private Set<String> existing(SimpleQueryRunner tx, String query, List<String> ids) {
        Set<String> found = new HashSet<>();
        for (List<String> chunk : chunks(ids, batch)) {
            tx.run(query, Map.of("ids", chunk)).forEachRemaining(r -> found.add(r.get("id").asString()));
        }
        return found;
    }

    private <T> void runBatches(SimpleQueryRunner tx, String query, String firm, long id, List<T> items, Function<T, Map<String, Object>> row) {
        for (List<T> chunk : chunks(items, batch)) {
            tx.run(query, Map.of("firm", firm, "import", id, "rows", chunk.stream().map(row).toList())).consume();
        }
    }

    private static Map<String, Object> channelRow(ImportBatch.Channel c) {
        return Map.of("id", c.id(), "name", c.name(), "kind", c.kind());
    }

    private static Map<String, Object> touchpointRow(ImportBatch.Touchpoint t) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", t.id());
        row.put("name", t.name());
        row.put("channel", t.channel());
        row.put("initiative", t.initiative());
        row.put("momentOfTruth", t.momentOfTruth());
        row.put("collectsFeedback", t.collectsFeedback());
        row.put("standingAuthorisation", t.standingAuthorisation());
        return row;
    }

    private static <T> List<List<T>> chunks(List<T> items, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < items.size(); i += size) {
            chunks.add(items.subList(i, Math.min(items.size(), i + size)));
        }
        return chunks;
    }

    private static Map<String, Object> recordRow(ImportBatch.SourceRecord r) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", r.id());
        row.put("system", r.system());
        row.put("recordId", r.recordId());
        row.put("name", r.name());
        row.put("city", r.city());
        row.put("since", r.since());
        List<Map<String, Object>> identifiers = new ArrayList<>(r.identifiers().size());
        String firm = r.id().substring(0, r.id().indexOf('/'));
        for (ImportBatch.Identifier i : r.identifiers()) {
            identifiers.add(Map.of("id", i.id(firm), "kind", i.kind(), "value", i.value()));
        }
        row.put("identifiers", identifiers);
        return row;
    }

    private static Map<String, Object> interactionRow(ImportBatch.Interaction i) {
        Map<String, Object> row = new HashMap<>(16);
        row.put("id", i.id());
        row.put("touchpoint", i.touchpoint());
        row.put("episode", i.episode());
        row.put("stage", i.stage());
        row.put("at", i.at());
        row.put("amount", i.amount());
        row.put("initiatedBy", i.initiatedBy());
        row.put("satisfaction", i.satisfaction());
        row.put("personalised", i.personalised());
        return row;
    }
}
