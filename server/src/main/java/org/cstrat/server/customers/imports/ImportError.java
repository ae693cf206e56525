package org.cstrat.server.customers.imports;

import java.util.Objects;

/**
 * One problem found in an import file, located by file name, line and column (both 1-based; the
 * column is the CSV field's position in its row, 1 for whole-file or header problems).
 */
public record ImportError(String file, int line, int column, String message) implements Comparable<ImportError> {

    public ImportError {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based, got " + line + ":" + column);
        }
    }

    /** {@code customers.csv:14:3}: where the problem is. */
    public String location() {
        return file + ":" + line + ":" + column;
    }

    @Override
    public String toString() {
        return location() + ": " + message;
    }

    @Override
    public int compareTo(ImportError o) {
        int c = file.compareTo(o.file);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(line, o.line);
        return c != 0 ? c : Integer.compare(column, o.column);
    }
}
