package org.cstrat.customers.imports;

import java.util.List;

import org.cstrat.server.neo4j.GraphChanges;

/**
 * Imports a firm's customer data: parse and validate every file against the graph as it is
 * ({@link ImportParser}), then write all of it as one unit ({@link Neo4jImportStore}: all of it lands or, on a
 * failure, none of it). Invalid input throws {@link ImportRejectedException} before anything is written.
 * An import writes touchpoints, channels, actors and possibly the firm, which the matrix is placed from: once the
 * write has ended (done or rolled back) it moves {@link GraphChanges} on.
 */
public final class ImportService {

    private final Neo4jImportStore store;
    private final GraphChanges changes;

    /** For tools that cache nothing. */
    public ImportService(Neo4jImportStore store) {
        this(store, new GraphChanges());
    }

    public ImportService(Neo4jImportStore store, GraphChanges changes) {
        this.store = store;
        this.changes = changes;
    }

    public ImportReport importFiles(String firm, List<ImportFile> files, ImportProgress progress) {
        long start = System.nanoTime();
        progress.phase("validating");
        ImportBatch batch = ImportParser.parse(firm, files, store);
        try {
            return store.write(batch, files.stream().map(ImportFile::name).toList(), progress, start);
        } finally {
            changes.changed();
        }
    }
}
