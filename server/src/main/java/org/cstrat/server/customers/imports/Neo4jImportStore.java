package org.cstrat.server.customers.imports;

import org.cstrat.server.core.ConflictException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.cstrat.server.customers.identity.Neo4jIdentityStore;
import org.cstrat.server.core.ValidationException;
import org.cstrat.server.neo4j.UnassignedMarket;
import org.cstrat.server.neo4j.CypherFiles;
import org.cstrat.server.neo4j.Reads;
import org.cstrat.server.neo4j.Sessions;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.TransientException;

/**
 * Writes a validated {@link ImportBatch} as one unit in several transactions, so that a million
 * interactions do not have to fit one transaction's memory:
 * <ol>
 *   <li><b>begin</b>: an {@code (:Import)} node, {@code running}; its unique {@code running} property
 *       (the firm's id) lets one import per firm run at a time;</li>
 *   <li><b>stage</b>: what the new interactions need and the graph does not hold yet, <i>created only</i>
 *       &mdash; the firm, touchpoints and their channels (one transaction), new customer records with their
 *       identifiers (one transaction per {@code txRows}) &mdash; then identity resolution (one transaction per
 *       batch), so every record has its unified customer;</li>
 *   <li><b>stage</b> (one transaction per {@code txRows} interactions): the new interactions, linked at creation
 *       to their record, their unified customer and their touchpoint;</li>
 *   <li><b>finish</b> (one transaction): every update of what existed before (firm, channels, touchpoints,
 *       actors, records, interactions imported before), identity resolution again, and the
 *       {@code (:Import)} marked {@code complete}.</li>
 * </ol>
 * Every node an import creates carries {@code importedBy} = the import's id. If any step fails, {@link
 * Neo4jImportRecovery} deletes those nodes and resolves the firm's identities again, which leaves the graph as it
 * was before (existing nodes are only changed in the last transaction). An import whose process died is rolled
 * back the same way when the workbench starts or when the next import of that firm finds it silent.
 * Also answers the validation look-ups ({@link ImportLookup}) from the graph as it is before the import.
 */
public final class Neo4jImportStore implements ImportStore {

    /** Rows per statement; 10,000 was the fastest of 2,000 / 5,000 / 10,000 / 20,000 / 50,000 in the import benchmark. */
    public static final int BATCH_DEFAULT = 10_000;
    /** Interactions per staged transaction. */
    public static final int TX_ROWS_DEFAULT = 50_000;
    /** Sessions writing the staged interactions at once: the cores of this machine, at most 2 (the machine the default was measured on). */
    public static final int WRITERS_DEFAULT = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));

    private static final String FIRM = CypherFiles.query("customers/import_firm");
    private static final String FIRM_MARKET = CypherFiles.query("customers/import_firm_market");
    private static final String MARKET_PLACEMENT = CypherFiles.query("customers/market_placement");
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
    private static final String RECORD_CUSTOMERS = CypherFiles.query("customers/import_record_customers");
    private static final String LOOKUP_CHANNELS = CypherFiles.query("customers/lookup_channels");
    private static final String LOOKUP_TOUCHPOINT_OWNERS = CypherFiles.query("customers/lookup_touchpoint_owners");

    private final Driver driver;
    private final Reads reads;
    private final Neo4jImportRecovery recovery;
    private final int batch;
    private final int txRows;
    private final int writers;

    public Neo4jImportStore(Driver driver) {
        this(driver, BATCH_DEFAULT, TX_ROWS_DEFAULT, WRITERS_DEFAULT);
    }

    public Neo4jImportStore(Driver driver, int batch, int txRows, int writers) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be >= 1, got " + batch);
        }
        if (txRows < batch) {
            throw new IllegalArgumentException("rows per transaction must be >= rows per statement (" + batch + "), got " + txRows);
        }
        this.driver = driver;
        this.reads = new Reads(driver);
        this.recovery = new Neo4jImportRecovery(driver);
        this.batch = batch;
        this.txRows = txRows;
        if (writers < 1) {
            throw new IllegalArgumentException("writers must be >= 1, got " + writers);
        }
        this.writers = writers;
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
     * Checks, before anything is written, that {@code market} (when not null) can take the firm: it exists, and the
     * firm is new, in no market or only in the {@link UnassignedMarket}, or already in {@code market}.
     *
     * @throws ValidationException naming {@code market} otherwise
     */
    @Override
    public void checkMarket(String firm, String market) {
        if (market == null) {
            return;
        }
        var r = reads.list(MARKET_PLACEMENT, Map.of("firm", firm, "market", market), x -> x).get(0);
        if (!r.get("marketExists").asBoolean()) {
            throw ValidationException.of("market", "no market '" + market + "' (the markets are listed on the home page "
                    + "and by GET /api/markets)");
        }
        List<String> current = r.get("firmMarkets").asList(Value::asString);
        if (!current.isEmpty() && !current.contains(market) && !current.equals(List.of(UnassignedMarket.ID))) {
            throw ValidationException.of("market", "firm '" + firm + "' already competes in " + String.join(", ", current)
                    + "; a market is given only to a new firm or one in '" + UnassignedMarket.ID + "' (import without --market)");
        }
    }

    /**
     * Writes the batch; on any failure the import is rolled back (see the class comment) and the failure
     * rethrown. The report's time runs from {@code startNanos} to the end of the last transaction.
     *
     * @param files names of the imported files, kept on the {@code (:Import)} node
     */
    public ImportReport write(ImportBatch b, List<String> files, ImportProgress progress, long startNanos) {
        return write(b, null, files, progress, startNanos);
    }

    /**
     * As {@link #write(ImportBatch, List, ImportProgress, long)}, and places the firm in a market in the last
     * transaction ({@code customers/import_firm_market.cypher}): a firm in no market goes to {@code market}, or to
     * the {@link UnassignedMarket} when it is null; a firm only in that one moves to {@code market}.
     */
    @Override
    public ImportReport write(ImportBatch b, String market, List<String> files, ImportProgress progress, long startNanos) {
        recovery.rollBackSilent(b.firm(), Neo4jImportRecovery.SILENT_AFTER);
        long id = begin(b, files);
        try {
            return write(id, b, market, progress).withMillis((System.nanoTime() - startNanos) / 1_000_000);
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
        long id = Neo4jImportRecovery.newImportId();
        try (Session session = Sessions.open(driver)) {
            session.executeWrite(tx -> tx.run(BEGIN, Map.of("import", id, "firm", b.firm(), "files", files,
                    "interactions", b.interactions().size())).consume());
        } catch (ClientException e) {
            if ("Neo.ClientError.Schema.ConstraintValidationFailed".equals(e.code())) {
                throw anotherImportRunning(b.firm());
            }
            throw e;
        }
        return id;
    }

    /** A conflict: one import per firm at a time (checked by the database here, and by {@link ImportJobs} before it queues one). */
    static ConflictException anotherImportRunning(String firm) {
        return ConflictException.of("firm", "another import into firm '" + firm + "' is running; try again when it has finished");
    }

    private ImportReport write(long id, ImportBatch b, String market, ImportProgress progress) {
        String firm = b.firm();
        Staged staged;
        progress.phase("customer records");
        try (Session session = Sessions.open(driver)) {
            staged = stage(session, id, b, progress);
        }
        progress.phase("interactions");
        long total = b.interactions().size();
        writeInteractions(id, firm, staged.newByRecord(), total, progress);
        progress.phase("commit");
        try (Session session = Sessions.open(driver); Transaction tx = session.beginTransaction(TransactionConfig.empty())) {
            ImportReport report = finish(tx, id, b, staged, market);
            tx.commit();
            progress.interactions(total, total);
            return report;
        }
    }

    /** What the staging found and prepared. */
    private record Staged(List<ImportBatch.SourceRecord> newRecords, List<ImportBatch.SourceRecord> oldRecords,
                          Neo4jIdentityStore.Outcome identity, Map<String, List<ImportBatch.Interaction>> newByRecord,
                          List<ImportBatch.Interaction> updates) {
    }

    /**
     * The staging before the interactions, in transactions of its own (explicit ones, not executeWrite: a
     * failure must surface and be rolled back, not be retried): what the interactions need, new records in
     * transactions of {@code txRows}, identity resolution in transactions of a batch each.
     */
    private Staged stage(Session session, long id, ImportBatch b, ImportProgress progress) {
        String firm = b.firm();
        boolean fresh;
        Set<String> existingRecords;
        try (Transaction tx = session.beginTransaction(TransactionConfig.empty())) {
            tx.run(FIRM, params(firm, id)).consume();
            fresh = !tx.run(FIRM_HAS_RECORDS, Map.of("firm", firm)).single().get("any").asBoolean();
            Set<String> touchpointChannels = new HashSet<>();
            b.touchpoints().forEach(t -> touchpointChannels.add(t.channel()));
            runBatches(tx, STAGE_CHANNELS, firm, id, b.channels().stream().filter(c -> touchpointChannels.contains(c.id())).toList(),
                    Neo4jImportStore::channelRow);
            runBatches(tx, STAGE_TOUCHPOINTS, firm, id, b.touchpoints(), Neo4jImportStore::touchpointRow);
            existingRecords = fresh ? Set.of() : existing(tx, EXISTING_RECORDS, b.records().stream().map(ImportBatch.SourceRecord::id).toList());
            tx.commit();
        }
        List<ImportBatch.SourceRecord> newRecords = b.records().stream().filter(r -> !existingRecords.contains(r.id())).toList();
        List<ImportBatch.SourceRecord> oldRecords = b.records().stream().filter(r -> existingRecords.contains(r.id())).toList();
        for (List<ImportBatch.SourceRecord> chunk : chunks(newRecords, txRows)) {
            try (Transaction tx = session.beginTransaction(TransactionConfig.empty())) {
                runBatches(tx, RECORDS_NEW, firm, id, chunk, Neo4jImportStore::recordRow);
                tx.commit();
            }
            heartbeat(id);
        }

        progress.phase("identity resolution");
        Neo4jIdentityStore.Outcome identity = Neo4jIdentityStore.resolveInBatches(session, firm);

        List<ImportBatch.Interaction> all = b.interactions();
        Set<String> existingInteractions = fresh ? Set.of() : session.executeRead(
                tx -> existing(tx, EXISTING_INTERACTIONS, all.stream().map(ImportBatch.Interaction::id).toList()));
        Map<String, List<ImportBatch.Interaction>> byRecord = new LinkedHashMap<>();
        List<ImportBatch.Interaction> updates = new ArrayList<>();
        for (ImportBatch.Interaction i : all) {
            if (existingInteractions.contains(i.id())) {
                updates.add(i);
            } else {
                byRecord.computeIfAbsent(i.record(), k -> new ArrayList<>()).add(i);
            }
        }
        return new Staged(newRecords, oldRecords, identity, byRecord, updates);
    }

    /**
     * The new interactions, in staged transactions of {@code txRows}, written by {@code writers} sessions at
     * once. Each writer takes the records of its own customers (so no two transactions link interactions to
     * one customer at once); progress is reported here, once per staged transaction. When one writer fails, or
     * the progress listener throws, the others stop after their current transaction and the failure is rethrown.
     */
    private void writeInteractions(long id, String firm, Map<String, List<ImportBatch.Interaction>> byRecord, long total,
                                   ImportProgress progress) {
        progress.interactions(0, total);
        Map<String, String> customerOf = new HashMap<>();
        if (writers > 1) {
            reads.list(RECORD_CUSTOMERS, Map.of("firm", firm), r -> r).forEach(r -> customerOf.put(r.get("record").asString(), r.get("customer").asString()));
        }
        List<List<Map.Entry<String, List<ImportBatch.Interaction>>>> lanes = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            lanes.add(new ArrayList<>());
        }
        for (Map.Entry<String, List<ImportBatch.Interaction>> e : byRecord.entrySet()) {
            lanes.get(Math.floorMod(customerOf.getOrDefault(e.getKey(), "").hashCode(), writers)).add(e);
        }
        BlockingQueue<Object> reports = new LinkedBlockingQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        Object laneDone = new Object();
        ExecutorService pool = Executors.newFixedThreadPool(writers, r -> {
            Thread t = new Thread(r, "import-writer");
            t.setDaemon(true);
            return t;
        });
        try {
            for (List<Map.Entry<String, List<ImportBatch.Interaction>>> lane : lanes) {
                pool.execute(() -> {
                    try (Session session = Sessions.open(driver)) {
                        writeLane(session, id, lane, stop, reports);
                        reports.add(laneDone);
                    } catch (RuntimeException | Error e) {
                        reports.add(e);
                    }
                });
            }
            long done = 0;
            Throwable failure = null;
            for (int running = lanes.size(); running > 0; ) {
                Object report = take(reports);
                if (report == laneDone) {
                    running--;
                } else if (report instanceof Throwable t) {
                    running--;
                    stop.set(true);
                    failure = failure == null ? t : failure;
                } else if (failure == null) {
                    done += (Integer) report;
                    try {
                        heartbeat(id);
                        progress.interactions(done, total);
                    } catch (RuntimeException | Error e) {
                        stop.set(true);
                        failure = e;
                    }
                }
            }
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Object take(BlockingQueue<Object> reports) {
        try {
            return reports.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the interactions were written", e);
        }
    }

    /** One writer's records: statements of {@code batch} rows, transactions of {@code txRows}; reports the rows of each. */
    private void writeLane(Session session, long id, List<Map.Entry<String, List<ImportBatch.Interaction>>> lane, AtomicBoolean stop,
                           BlockingQueue<Object> reports) {
        List<Map<String, Object>> groups = new ArrayList<>();
        List<List<Map<String, Object>>> statements = new ArrayList<>();
        int items = 0;
        int inTx = 0;
        for (Map.Entry<String, List<ImportBatch.Interaction>> e : lane) {
            if (stop.get()) {
                return;
            }
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
                    writeStaged(session, id, statements);
                    reports.add(inTx);
                    statements = new ArrayList<>();
                    inTx = 0;
                }
            }
        }
        if (!groups.isEmpty()) {
            statements.add(groups);
            inTx += items;
        }
        if (!statements.isEmpty() && !stop.get()) {
            writeStaged(session, id, statements);
            reports.add(inTx);
        }
    }

    /**
     * One staged transaction of new interactions. A transient failure (a deadlock between writers, which the
     * database detects and rolls back) is retried: the transaction wrote nothing.
     */
    private void writeStaged(Session session, long id, List<List<Map<String, Object>>> statements) {
        for (int attempt = 1; ; attempt++) {
            try (Transaction tx = session.beginTransaction(TransactionConfig.empty())) {
                for (List<Map<String, Object>> groups : statements) {
                    tx.run(INTERACTIONS_NEW, Map.of("groups", groups, "import", id)).consume();
                }
                tx.commit();
                return;
            } catch (TransientException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private ImportReport finish(SimpleQueryRunner tx, long id, ImportBatch b, Staged staged, String market) {
        String firm = b.firm();
        tx.run(FIRM, params(firm, id)).consume();
        Map<String, Object> placement = new HashMap<>(UnassignedMarket.parameters());
        placement.put("firm", firm);
        placement.put("market", market);
        tx.run(FIRM_MARKET, placement).consume();
        runBatches(tx, CHANNELS, firm, id, b.channels(), Neo4jImportStore::channelRow);
        runBatches(tx, TOUCHPOINTS, firm, id, b.touchpoints(), Neo4jImportStore::touchpointRow);
        runBatches(tx, ACTORS, firm, id, b.actors(), a -> Map.of("id", a.id(), "name", a.name(), "kind", a.kind(), "role", a.role()));
        // records and interactions imported before count as updated only when a property or link really changed
        int updatedRecords = 0;
        for (List<ImportBatch.SourceRecord> chunk : chunks(staged.oldRecords(), batch)) {
            updatedRecords += tx.run(RECORDS, Map.of("firm", firm, "import", id, "rows", chunk.stream().map(Neo4jImportStore::recordRow).toList()))
                    .single().get("changed").asInt();
        }
        Neo4jIdentityStore.Outcome identity = Neo4jIdentityStore.resolve(tx, firm);
        int updatedInteractions = 0;
        for (List<ImportBatch.Interaction> chunk : chunks(staged.updates(), batch)) {
            updatedInteractions += tx.run(INTERACTIONS_UPDATE, Map.of("rows", chunk.stream().map(Neo4jImportStore::interactionRow).toList()))
                    .single().get("changed").asInt();
        }
        int newInteractions = b.interactions().size() - staged.updates().size();
        Map<String, Object> done = new HashMap<>();
        done.put("import", id);
        done.put("newRecords", staged.newRecords().size());
        done.put("updatedRecords", updatedRecords);
        done.put("newInteractions", newInteractions);
        done.put("updatedInteractions", updatedInteractions);
        done.put("unifiedCustomers", identity.customers());
        tx.run(FINISH, done).consume();
        return new ImportReport(firm, b.channels().size(), b.touchpoints().size(), b.actors().size(), staged.newRecords().size(),
                updatedRecords, newInteractions, updatedInteractions, identity.customers(),
                staged.identity().changedCustomers() + identity.changedCustomers(), 0,
                staged.oldRecords().size() - updatedRecords, staged.updates().size() - updatedInteractions);
    }

    /**
     * The import is alive: after each staged transaction, in a transaction of its own, so that parallel writers
     * never wait for each other on the {@code (:Import)} node.
     */
    private void heartbeat(long id) {
        try (Session session = Sessions.open(driver)) {
            session.executeWrite(tx -> tx.run(HEARTBEAT, Map.of("import", id)).consume());
        }
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
