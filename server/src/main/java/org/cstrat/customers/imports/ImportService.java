package org.cstrat.customers.imports;

import java.util.List;

/**
 * Imports a firm's customer data: parse and validate every file against the graph as it is
 * ({@link ImportParser}), then write all of it as one unit ({@link Neo4jImportStore}: all of it lands or, on a
 * failure, none of it). Invalid input throws {@link ImportRejectedException} before anything is written.
 */
public final class ImportService {

    private final Neo4jImportStore store;
    private final int maxFieldLength;

    /** Uploads: fields up to {@link CsvTable#MAX_FIELD_LENGTH_DEFAULT} characters. */
    public ImportService(Neo4jImportStore store) {
        this(store, CsvTable.MAX_FIELD_LENGTH_DEFAULT);
    }

    public ImportService(Neo4jImportStore store, int maxFieldLength) {
        if (maxFieldLength < 1) {
            throw new IllegalArgumentException("maxFieldLength must be at least 1, got " + maxFieldLength);
        }
        this.store = store;
        this.maxFieldLength = maxFieldLength;
    }

    public ImportReport importFiles(String firm, List<ImportFile> files, ImportProgress progress) {
        long start = System.nanoTime();
        progress.phase("validating");
        ImportBatch batch = ImportParser.parse(firm, files, store, maxFieldLength);
        return store.write(batch, files.stream().map(ImportFile::name).toList(), progress, start);
    }
}
