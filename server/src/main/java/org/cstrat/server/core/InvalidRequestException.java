package org.cstrat.server.core;

/** A request parameter or body is missing or invalid: HTTP 400. */
public final class InvalidRequestException extends WorkbenchException {
    public InvalidRequestException(String message) {
        super(message);
    }
}
