package org.cstrat.server.console;

import java.util.List;

import org.cstrat.input.FieldError;
import org.cstrat.server.core.InvalidException;

/**
 * A console query the database refused or stopped; its {@link Kind} says why (the HTTP layer answers each kind with
 * its own status). The place in the query, when the database gave one, is its field error ({@code query:line:column}).
 */
public final class ConsoleException extends InvalidException {

    /** Why the query did not run. */
    public enum Kind {
        SYNTAX("Cypher syntax error"),
        INVALID("Invalid query"),
        READ_ONLY("The console is read-only"),
        FORBIDDEN("Not allowed in the console"),
        TIMEOUT("Query timed out"),
        MEMORY("Query ran out of memory"),
        TOO_LARGE("Result too large");

        private final String title;

        Kind(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    private final Kind kind;
    private final String code;
    private final Integer line;
    private final Integer column;
    private final Integer offset;

    public ConsoleException(Kind kind, String message, String code, Integer line, Integer column, Integer offset) {
        super(message, line == null || line < 1 ? List.of() : List.of(FieldError.at("query", line, column == null || column < 0 ? 0 : column, message)));
        this.kind = kind;
        this.code = code;
        this.line = line;
        this.column = column;
        this.offset = offset;
    }

    public Kind kind() {
        return kind;
    }

    /** The database's status code, e.g. {@code Neo.ClientError.Statement.SyntaxError}. */
    public String code() {
        return code;
    }

    public Integer line() {
        return line;
    }

    public Integer column() {
        return column;
    }

    public Integer offset() {
        return offset;
    }
}
