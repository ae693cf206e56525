package org.cstrat.server.core;

/**
 * The request is larger than the workbench accepts (an upload over its size limit): nothing of it was read. The HTTP
 * layer answers "content too large" with the limits; the message says what was too large.
 */
public final class TooLargeException extends WorkbenchException {
    public TooLargeException(String message) {
        super(message);
    }
}
