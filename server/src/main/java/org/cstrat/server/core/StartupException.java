package org.cstrat.server.core;

/**
 * The workbench's environment is not usable: a port is in use, a directory is not writable, a file of its own (the
 * users file, the runtime file) cannot be read or written, the database or another server does not answer. Start-up
 * stops with its one-line message; met while answering a request, it is a server error.
 */
public final class StartupException extends WorkbenchException {
    public StartupException(String message) {
        super(message);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
