package org.cstrat.server.customers.imports;

import java.util.List;

/** The graph side of an import: what validation looks up ({@link ImportLookup}) and the all-or-nothing write. */
public interface ImportStore extends ImportLookup {

    /**
     * Checks that {@code market} (null: none asked for) exists and may be given to the firm: it is new, in no market, in
     * the unassigned one, or already in {@code market}.
     *
     * @throws org.cstrat.server.core.ValidationException naming {@code market} otherwise
     */
    void checkMarket(String firm, String market);

    /**
     * Writes the batch, placing a firm in no market in {@code market} (null: the unassigned one); on any failure the
     * import is rolled back and the failure rethrown. The report's time runs from {@code startNanos} to the end.
     *
     * @param files names of the imported files, kept with the import
     */
    ImportReport write(ImportBatch batch, String market, List<String> files, ImportProgress progress, long startNanos);
}
