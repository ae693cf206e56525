package org.cstrat.server.customers.imports;

import java.util.List;

import org.cstrat.input.FieldError;
import org.cstrat.server.core.InvalidException;

/** The import files are invalid; nothing was written. Carries every error found, sorted by location. */
public final class ImportRejectedException extends InvalidException {

    /** At most this many errors are kept; a file that is wrong on every line would otherwise flood the answer. */
    public static final int MAX_ERRORS = 200;

    private final List<FieldError> errors;
    private final int total;

    public ImportRejectedException(List<FieldError> errors) {
        this(errors.stream().sorted(FieldError.IN_FILE_ORDER).toList(), errors.size());
    }

    private ImportRejectedException(List<FieldError> sorted, int total) {
        super(summary(sorted), sorted.subList(0, Math.min(MAX_ERRORS, sorted.size())));
        this.total = total;
        this.errors = sorted.subList(0, Math.min(MAX_ERRORS, sorted.size()));
    }

    private static String summary(List<FieldError> errors) {
        return "The import was rejected: " + errors.size() + (errors.size() == 1 ? " error" : " errors")
                + "; nothing was written";
    }

    /** The errors ({@code file:line:column}), sorted by file, line and column; at most {@link #MAX_ERRORS}. */
    public List<FieldError> errors() {
        return errors;
    }

    /** How many errors were found in all (may exceed {@code errors().size()}). */
    public int total() {
        return total;
    }
}
