package org.cstrat.server.core;

/**
 * Root of the workbench's own unchecked exceptions. Each subclass maps to one kind of answer:
 * a 404, a 400 with field errors, a start-up failure with a one-line message.
 */
public class WorkbenchException extends RuntimeException {
    public WorkbenchException(String message) {
        super(message);
    }

    public WorkbenchException(String message, Throwable cause) {
        super(message, cause);
    }
}
