package org.cstrat.server.customers.imports;

/**
 * What an import did. {@code newX}: written for the first time; {@code updatedX}: already present and changed by
 * this import (a property or link differed); {@code unchangedX}: already present with the same values. A re-import
 * of the same files has {@link #changed()} 0.
 *
 * @param unifiedCustomers unified customers of the firm after the import
 * @param changedCustomers unified customers created or changed by this import's identity resolution
 * @param millis           wall time from the first read of a file to the commit
 */
public record ImportReport(String firm, int channels, int touchpoints, int actors, int newRecords, int updatedRecords,
                           int newInteractions, int updatedInteractions, int unifiedCustomers, int changedCustomers,
                           long millis, int unchangedRecords, int unchangedInteractions) {

    /** A report without the unchanged counts. */
    public ImportReport(String firm, int channels, int touchpoints, int actors, int newRecords, int updatedRecords,
                        int newInteractions, int updatedInteractions, int unifiedCustomers, int changedCustomers, long millis) {
        this(firm, channels, touchpoints, actors, newRecords, updatedRecords, newInteractions, updatedInteractions, unifiedCustomers,
                changedCustomers, millis, 0, 0);
    }

    /** The same report with the import's wall time. */
    public ImportReport withMillis(long millis) {
        return new ImportReport(firm, channels, touchpoints, actors, newRecords, updatedRecords, newInteractions, updatedInteractions,
                unifiedCustomers, changedCustomers, millis, unchangedRecords, unchangedInteractions);
    }

    /** Records, interactions and unified customers this import created or changed: 0 for a re-import of the same files. */
    public int changed() {
        return newRecords + updatedRecords + newInteractions + updatedInteractions + changedCustomers;
    }

    /** Interactions read (new, updated and unchanged) per second of the whole import. */
    public double interactionsPerSecond() {
        return millis == 0 ? 0 : (newInteractions + updatedInteractions + unchangedInteractions) * 1000.0 / millis;
    }
}
