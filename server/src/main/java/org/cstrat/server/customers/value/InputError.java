package org.cstrat.server.customers.value;

import java.util.Objects;

/**
 * One problem found in an input file.
 *
 * @param source  the file name (as given by the caller)
 * @param line    1-based line number; 1 is the header line
 * @param column  1-based column (field) number, or 0 when the problem concerns the whole line or file
 * @param message what is wrong, naming the offending value
 */
public record InputError(String source, long line, int column, String message) {

    public InputError {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(message, "message");
        if (line < 1) {
            throw new IllegalArgumentException("line must be >= 1, was " + line);
        }
        if (column < 0) {
            throw new IllegalArgumentException("column must be >= 0, was " + column);
        }
    }

    /** {@code file:line:column: message}, or {@code file:line: message} when no column applies. */
    @Override
    public String toString() {
        return column > 0
                ? source + ":" + line + ":" + column + ": " + message
                : source + ":" + line + ": " + message;
    }
}
