package org.cstrat.server.http;

import io.javalin.http.Context;
import org.cstrat.server.core.NotReadyException;
import org.cstrat.server.health.Readiness;

/**
 * Before a matched route (after the access check, so that logins and the origin guard apply as usual): while the graph is
 * being prepared, every route but the public ones ({@code /login}, {@code /logout}, {@code /health}) and the static files
 * answers "not ready" — the loading page, or 503 problem+json with {@code Retry-After} on the API.
 */
final class LoadingGate {

    /** What a client is told to wait before asking again while the demo loads. */
    static final int RETRY_AFTER_SECONDS_DEFAULT = 2;

    private final Readiness readiness;

    LoadingGate(Readiness readiness) {
        this.readiness = readiness;
    }

    void check(Context ctx) {
        Readiness.Status status = readiness.status();
        if (status.state() == Readiness.State.READY || ctx.path().startsWith("/static/")
                || ctx.routeRoles().contains(Access.Gate.PUBLIC)) {
            return;
        }
        throw exception(status);
    }

    static NotReadyException exception(Readiness.Status status) {
        if (status.state() == Readiness.State.FAILED) {
            return new NotReadyException("The workbench could not prepare its database (at " + status.phase() + "): " + status.error()
                    + ". The server keeps running without it: see the log, fix the cause and restart"
                    + " (./cstrat serve --no-demo starts without the demo).", true, status.phase(), status.percent());
        }
        return new NotReadyException("The workbench is loading the demo data (" + status.phase() + ", " + status.percent()
                + "%); try again in " + RETRY_AFTER_SECONDS_DEFAULT + " s.", false, status.phase(), status.percent());
    }
}
