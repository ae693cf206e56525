package org.cstrat.input;

import java.util.Comparator;
import java.util.Objects;

/**
 * One input that cannot be accepted: where it is, the offending value when it is reported, and what is wrong. Every
 * error about a place uses this record: the server's form and API validation, the import files, the transaction logs
 * of {@code clv} and the scenario files of the simulations module.
 *
 * <p>The place is either a field path ({@code name}, {@code supports[1]}, {@code $.strategies[0].price}; see
 * {@link #path}) or a place in a file ({@code customers.csv:14:3}, or {@code log.csv:7} for a whole line; see
 * {@link #at}). {@link #field()} writes it as text; {@link #IN_FILE_ORDER} sorts file errors by file, line and column.
 *
 * @param place   a field path, or the name of the file when {@code line > 0}
 * @param line    1-based line in the file {@code place}; 0 for a field path
 * @param column  1-based column (field of a CSV row, character of a query) in that line; 0 for a field path or
 *                when the error concerns the whole line
 * @param value   the offending value as text (JSON text in a scenario, {@code "(missing)"}), or null when not reported
 * @param message what is wrong
 */
public record FieldError(String place, long line, int column, String value, String message) {

    /** File errors in reading order: by file name, then line, then column (field paths have line and column 0). */
    public static final Comparator<FieldError> IN_FILE_ORDER = Comparator.comparing(FieldError::place)
            .thenComparingLong(FieldError::line).thenComparingInt(FieldError::column);

    public FieldError {
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(message, "message");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column are 1-based (0: none), got " + line + ":" + column);
        }
        if (line == 0 && column != 0) {
            throw new IllegalArgumentException("a column needs a line, got column " + column + " without one");
        }
    }

    /** An error at the field {@code path}. */
    public static FieldError path(String path, String message) {
        return new FieldError(path, 0, 0, null, message);
    }

    /** An error at the field {@code path} whose value ({@code value}, as text) is wrong. */
    public static FieldError path(String path, String value, String message) {
        return new FieldError(path, 0, 0, value, message);
    }

    /** An error at {@code file:line:column} (1-based), or {@code file:line} when {@code column} is 0 (the whole line). */
    public static FieldError at(String file, long line, int column, String message) {
        if (line < 1) {
            throw new IllegalArgumentException("a place in a file has a 1-based line, got " + line);
        }
        return new FieldError(file, line, column, null, message);
    }

    /** Where the error is, as text: the field path, {@code file:line:column}, or {@code file:line}. */
    public String field() {
        if (line == 0) {
            return place;
        }
        return column > 0 ? place + ":" + line + ":" + column : place + ":" + line;
    }

    /** What is wrong, after the offending value when one is reported ({@code "1.5": must be at most 1}). */
    public String detail() {
        return value == null ? message : value + ": " + message;
    }

    /** {@code place: message}, or {@code place = value: message} when a value is reported. */
    @Override
    public String toString() {
        return value == null ? field() + ": " + message : field() + " = " + value + ": " + message;
    }
}
