package org.cstrat.server.core;

/** The request carries no valid credentials (no session, an unknown or revoked token). */
public final class UnauthorizedException extends WorkbenchException {
    public UnauthorizedException(String message) {
        super(message);
    }
}
