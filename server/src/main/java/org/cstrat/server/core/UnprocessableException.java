package org.cstrat.server.core;

/** The request is well-formed but the data cannot give an answer (too few customers, a fit that did not converge), or the server will not take it on (too large, too many jobs). */
public non-sealed class UnprocessableException extends WorkbenchException {
    public UnprocessableException(String message) {
        super(message);
    }

    public UnprocessableException(String message, Throwable cause) {
        super(message, cause);
    }
}
