package org.cstrat.customers.imports;

/**
 * What an import did. {@code newX}/{@code updatedX}: written for the first time / already present (an
 * unchanged re-import updates every row to the same values and so changes nothing).
 *
 * @param unifiedCustomers unified customers of the firm after the import
 * @param changedCustomers unified customers created or changed by this import's identity resolution
 * @param millis           wall time from the first read of a file to the commit
 */
public record ImportReport(String firm, int channels, int touchpoints, int actors, int newRecords, int updatedRecords,
                           int newInteractions, int updatedInteractions, int unifiedCustomers, int changedCustomers,
                           long millis) {

    /** The same report with the import's wall time. */
    public ImportReport withMillis(long millis) {
        return new ImportReport(firm, channels, touchpoints, actors, newRecords, updatedRecords, newInteractions, updatedInteractions,
                unifiedCustomers, changedCustomers, millis);
    }

    /** Interactions (new and updated) per second of the whole import. */
    public double interactionsPerSecond() {
        return millis == 0 ? 0 : (newInteractions + updatedInteractions) * 1000.0 / millis;
    }
}
