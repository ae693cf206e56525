package org.cstrat.server.console;

import org.cstrat.server.core.WorkbenchException;

/** A console query the database refused or stopped; {@link #status()} is the HTTP status to answer with. */
public final class ConsoleException extends WorkbenchException {

    /** Why the query did not run. */
    public enum Kind {
        SYNTAX(400, "Cypher syntax error"),
        INVALID(400, "Invalid query"),
        READ_ONLY(403, "The console is read-only"),
        FORBIDDEN(403, "Not allowed in the console"),
        TIMEOUT(408, "Query timed out"),
        MEMORY(422, "Query ran out of memory"),
        TOO_LARGE(422, "Result too large");

        private final int status;
        private final String title;

        Kind(int status, String title) {
            this.status = status;
            this.title = title;
        }

        public int status() {
            return status;
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
        super(message);
        this.kind = kind;
        this.code = code;
        this.line = line;
        this.column = column;
        this.offset = offset;
    }

    public Kind kind() {
        return kind;
    }

    public int status() {
        return kind.status();
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
