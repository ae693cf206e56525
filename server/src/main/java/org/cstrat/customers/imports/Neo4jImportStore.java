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
import org.cstrat.server.neo4j.CypherFiles;
import org.cstrat.server.neo4j.Reads;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionConfig;

/**
 * Writes a validated {@link ImportBatch} in <b>one transaction</b>: batched {@code UNWIND} statements for
 * the firm, channels, touchpoints, actors and customer records, then identity resolution (so every
 * record has its unified customer), then the interactions, linked at creation to their record, their
 * unified customer and their touchpoint. Records and interactions that do not exist yet are created
 * with {@code CREATE} after an existence check (or without one when the firm had no imported records
 * before); existing ones are updated in place, so a re-import changes nothing. Also answers the
 * validation look-ups ({@link ImportLookup}) from the graph as it is before the import.
 */
public final class Neo4jImportStore implements ImportLookup {

    /** Rows per statement; 10,000 was the fastest of 2,000 / 5,000 / 10,000 / 20,000 / 50,000 in the import benchmark. */
    public static final int BATCH_DEFAULT = 10_000;

    private static final String FIRM = CypherFiles.query("customers/import_firm");
    private static final String CHANNELS = CypherFiles.query("customers/import_channels");
    private static final String TOUCHPOINTS = CypherFiles.query("customers/import_touchpoints");
    private static final String ACTORS = CypherFiles.query("customers/import_actors");
    private static final String RECORDS = CypherFiles.query("customers/import_records");
    private static final String RECORDS_NEW = CypherFiles.query("customers/import_records_new");
    private static final String EXISTING_RECORDS = CypherFiles.query("customers/existing_records");
    private static final String EXISTING_INTERACTIONS = CypherFiles.query("customers/existing_interactions");
    private static final String FIRM_HAS_RECORDS = CypherFiles.query("customers/firm_has_records");
    private static final String INTERACTIONS_NEW = CypherFiles.query("customers/import_interactions_new");
    private static final String INTERACTIONS_UPDATE = CypherFiles.query("customers/import_interactions_update");
    private static final String LOOKUP_CHANNELS = CypherFiles.query("customers/lookup_channels");
    private static final String LOOKUP_TOUCHPOINT_OWNERS = CypherFiles.query("customers/lookup_touchpoint_owners");

    private final Driver driver;
    private final Reads reads;
    private final int batch;

    public Neo4jImportStore(Driver driver) {
        this(driver, BATCH_DEFAULT);
    }

    public Neo4jImportStore(Driver driver, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be >= 1, got " + batch);
        }
        this.driver = driver;
        this.reads = new Reads(driver);
        this.batch = batch;
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
     * Writes the batch in one transaction; on any failure nothing is written. The report's time runs from
     * {@code startNanos} to the end of the commit.
     */
    public ImportReport write(ImportBatch b, ImportProgress progress, long startNanos) {
        ImportReport report;
        // An explicit transaction, not executeWrite: a failure of a large import must surface, not be retried from the start.
        try (Session session = driver.session(); Transaction tx = session.beginTransaction(TransactionConfig.empty())) {
            report = write(tx, b, progress);
            tx.commit();
        }
        long millis = (System.nanoTime() - startNanos) / 1_000_000;
        return new ImportReport(report.firm(), report.channels(), report.touchpoints(), report.actors(), report.newRecords(),
                report.updatedRecords(), report.newInteractions(), report.updatedInteractions(), report.unifiedCustomers(),
                report.changedCustomers(), millis);
    }

    private ImportReport write(org.neo4j.driver.SimpleQueryRunner tx, ImportBatch b, ImportProgress progress) {
        String firm = b.firm();
        progress.phase("firm, channels, touchpoints, actors");
        tx.run(FIRM, Map.of("firm", firm)).consume();
        boolean fresh = !tx.run(FIRM_HAS_RECORDS, Map.of("firm", firm)).single().get("any").asBoolean();
        runBatches(tx, CHANNELS, firm, b.channels(), c -> Map.of("id", c.id(), "name", c.name(), "kind", c.kind()));
        runBatches(tx, TOUCHPOINTS, firm, b.touchpoints(), t -> Map.of("id", t.id(), "name", t.name(), "channel", t.channel(),
                "initiative", t.initiative(), "momentOfTruth", t.momentOfTruth()));
        runBatches(tx, ACTORS, firm, b.actors(), a -> Map.of("id", a.id(), "name", a.name(), "kind", a.kind(), "role", a.role()));

        progress.phase("customer records");
        Set<String> existingRecords = fresh ? Set.of() : existing(tx, EXISTING_RECORDS, b.records().stream().map(ImportBatch.SourceRecord::id).toList());
        List<ImportBatch.SourceRecord> newRecords = b.records().stream().filter(r -> !existingRecords.contains(r.id())).toList();
        List<ImportBatch.SourceRecord> oldRecords = b.records().stream().filter(r -> existingRecords.contains(r.id())).toList();
        runBatches(tx, RECORDS_NEW, firm, newRecords, Neo4jImportStore::recordRow);
        runBatches(tx, RECORDS, firm, oldRecords, Neo4jImportStore::recordRow);

        progress.phase("identity resolution");
        Neo4jIdentityStore.Outcome identity = Neo4jIdentityStore.resolve(tx, firm);

        progress.phase("interactions");
        List<ImportBatch.Interaction> all = b.interactions();
        Set<String> existingInteractions = fresh ? Set.of()
                : existing(tx, EXISTING_INTERACTIONS, all.stream().map(ImportBatch.Interaction::id).toList());
        long total = all.size();
        long done = 0;
        progress.interactions(0, total);
        Map<String, List<ImportBatch.Interaction>> byRecord = new LinkedHashMap<>();
        List<ImportBatch.Interaction> updates = new ArrayList<>();
        for (ImportBatch.Interaction i : all) {
            if (existingInteractions.contains(i.id())) {
                updates.add(i);
            } else {
                byRecord.computeIfAbsent(i.record(), k -> new ArrayList<>()).add(i);
            }
        }
        List<Map<String, Object>> groups = new ArrayList<>();
        int items = 0;
        for (Map.Entry<String, List<ImportBatch.Interaction>> e : byRecord.entrySet()) {
            List<Map<String, Object>> rows = new ArrayList<>(e.getValue().size());
            for (ImportBatch.Interaction i : e.getValue()) {
                rows.add(interactionRow(i));
            }
            groups.add(Map.of("record", e.getKey(), "items", rows));
            items += rows.size();
            if (items >= batch) {
                tx.run(INTERACTIONS_NEW, Map.of("groups", groups)).consume();
                done += items;
                progress.interactions(done, total);
                groups = new ArrayList<>();
                items = 0;
            }
        }
        if (!groups.isEmpty()) {
            tx.run(INTERACTIONS_NEW, Map.of("groups", groups)).consume();
            done += items;
            progress.interactions(done, total);
        }
        for (List<ImportBatch.Interaction> chunk : chunks(updates, batch)) {
            tx.run(INTERACTIONS_UPDATE, Map.of("rows", chunk.stream().map(Neo4jImportStore::interactionRow).toList())).consume();
            done += chunk.size();
            progress.interactions(done, total);
        }
        progress.phase("commit");
        return new ImportReport(firm, b.channels().size(), b.touchpoints().size(), b.actors().size(), newRecords.size(), oldRecords.size(),
                all.size() - updates.size(), updates.size(), identity.customers(), identity.changedCustomers(), 0);
    }

    private Set<String> existing(org.neo4j.driver.SimpleQueryRunner tx, String query, List<String> ids) {
        Set<String> found = new HashSet<>();
        for (List<String> chunk : chunks(ids, batch)) {
            tx.run(query, Map.of("ids", chunk)).forEachRemaining(r -> found.add(r.get("id").asString()));
        }
        return found;
    }

    private <T> void runBatches(org.neo4j.driver.SimpleQueryRunner tx, String query, String firm, List<T> items, Function<T, Map<String, Object>> row) {
        for (List<T> chunk : chunks(items, batch)) {
            tx.run(query, Map.of("firm", firm, "rows", chunk.stream().map(row).toList())).consume();
        }
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
