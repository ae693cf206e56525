package org.cstrat.server.customers.imports;

import java.util.List;

import org.cstrat.server.neo4j.GraphChanges;

/**
 * Imports a firm's customer data: parse and validate every file against the graph as it is
 * ({@link ImportParser}), then write all of it as one unit ({@link ImportStore}: all of it lands or, on a
 * failure, none of it). Invalid input throws {@link ImportRejectedException} before anything is written.
 * An import writes touchpoints, channels, actors and possibly the firm, which the matrix is placed from: once the
 * write has ended (done or rolled back) it moves {@link GraphChanges} on.
 */
public final class ImportService {

    private final ImportStore store;
    private final int maxFieldLength;
    private final GraphChanges changes;

    /** For tools that cache nothing; uploads' field cap ({@link CsvTable#MAX_FIELD_LENGTH_DEFAULT} characters). */
    public ImportService(ImportStore store) {
        this(store, CsvTable.MAX_FIELD_LENGTH_DEFAULT, new GraphChanges());
    }

    /**
     * @param maxFieldLength the longest CSV field accepted, in characters
     * @param changes        told after every import (even a rolled-back one), so cached reads of the graph are redone
     */
    public ImportService(ImportStore store, int maxFieldLength, GraphChanges changes) {
        if (maxFieldLength < 1) {
            throw new IllegalArgumentException("maxFieldLength must be at least 1, got " + maxFieldLength);
        }
        this.store = store;
        this.maxFieldLength = maxFieldLength;
        this.changes = changes;
    }

    /**
     * Refuses, before anything is written or queued, a {@code market} that does not exist or that the firm cannot join
     * (it competes in another one): the rules of {@code import --market}. Null: nothing to check.
     *
     * @throws org.cstrat.server.core.ValidationException naming {@code market}
     */
    public void checkMarket(String firm, String market) {
        checkMarketName(market);
        store.checkMarket(firm, market);
    }

    private static void checkMarketName(String market) {
        if (market != null && market.isBlank()) {
            throw org.cstrat.server.core.ValidationException.of("market", "an empty market id; leave the parameter out to keep a "
                    + "firm where it is (a new firm goes to 'unassigned')");
        }
    }

    /** Imports into a firm that stays in its market; a new firm goes to the "Unassigned" market. */
    public ImportReport importFiles(String firm, List<ImportFile> files, ImportProgress progress) {
        return importFiles(firm, null, files, progress);
    }

    /**
     * @param market the market a new firm (or one in "Unassigned") is placed in; null: a new firm goes to "Unassigned"
     * @throws org.cstrat.server.core.ValidationException naming {@code market} when it does not exist or the firm
     *                                                 already competes in another market (nothing written)
     */
    public ImportReport importFiles(String firm, String market, List<ImportFile> files, ImportProgress progress) {
        checkMarketName(market);
        long start = System.nanoTime();
        progress.phase("validating");
        store.checkMarket(firm, market);
        ImportBatch batch = ImportParser.parse(firm, files, store, maxFieldLength);
        try {
            return store.write(batch, market, files.stream().map(ImportFile::name).toList(), progress, start);
        } finally {
            changes.changed();
        }
    }
}
