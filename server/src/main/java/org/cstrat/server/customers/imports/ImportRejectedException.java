package org.cstrat.server.customers.imports;

import java.util.List;

import org.cstrat.server.core.WorkbenchException;

/** The import files are invalid; nothing was written. Carries every error found, sorted by location. */
public final class ImportRejectedException extends WorkbenchException {

    /** At most this many errors are kept; a file that is wrong on every line would otherwise flood the answer. */
    public static final int MAX_ERRORS = 200;

    private final List<ImportError> errors;
    private final int total;

    public ImportRejectedException(List<ImportError> errors) {
        super(summary(errors));
        List<ImportError> sorted = errors.stream().sorted().toList();
        this.total = sorted.size();
        this.errors = sorted.subList(0, Math.min(MAX_ERRORS, sorted.size()));
    }

    private static String summary(List<ImportError> errors) {
        return "The import was rejected: " + errors.size() + (errors.size() == 1 ? " error" : " errors")
                + "; nothing was written";
    }

    /** The errors, sorted by file, line and column; at most {@link #MAX_ERRORS}. */
    public List<ImportError> errors() {
        return errors;
    }

    /** How many errors were found in all (may exceed {@code errors().size()}). */
    public int total() {
        return total;
    }
}
