package org.cstrat.server.core;

/** The request may not be made from where it came (another web site, a foreign host name) or by whom (a role below the route's). */
public final class ForbiddenException extends WorkbenchException {
    public ForbiddenException(String message) {
        super(message);
    }
}
