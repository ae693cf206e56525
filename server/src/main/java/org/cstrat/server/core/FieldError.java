package org.cstrat.server.core;

import java.util.Objects;

/**
 * One input that cannot be accepted: where it is and what is wrong. The place is a field path ({@code name},
 * {@code supports[1]}, {@code $.strategies[0].price}) or a place in a file ({@code customers.csv:14:3}, see
 * {@link #at}). Every error the workbench reports about a place uses this record.
 */
public record FieldError(String field, String message) {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    /** An error at {@code file:line:column} (1-based), or {@code file:line} when {@code column} is 0 (the whole line). */
    public static FieldError at(String file, long line, int column, String message) {
        return new FieldError(column > 0 ? file + ":" + line + ":" + column : file + ":" + line, message);
    }
}
