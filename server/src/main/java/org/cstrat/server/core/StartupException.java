package org.cstrat.server.core;

/** Start-up cannot go on: a port is in use, a directory is not writable, the database does not answer. */
public final class StartupException extends WorkbenchException {
    public StartupException(String message) {
        super(message);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
