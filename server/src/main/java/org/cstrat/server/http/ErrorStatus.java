package org.cstrat.server.http;

import io.javalin.http.HttpStatus;

import org.cstrat.server.console.ConsoleException;
import org.cstrat.server.core.ConflictException;
import org.cstrat.server.core.ForbiddenException;
import org.cstrat.server.core.InvalidException;
import org.cstrat.server.core.NotFoundException;
import org.cstrat.server.core.NotReadyException;
import org.cstrat.server.core.StartupException;
import org.cstrat.server.core.TooLargeException;
import org.cstrat.server.core.UnauthorizedException;
import org.cstrat.server.core.UnprocessableException;
import org.cstrat.server.core.WorkbenchException;
import org.cstrat.server.customers.value.ClvException;
import org.cstrat.server.customers.value.TransactionLogException;
import org.cstrat.server.simulation.SimulationRefusedException;

/**
 * The one table from the workbench's error kinds to HTTP statuses. Exceptions carry no status; every handler that
 * answers an error (the exception handlers of {@link WebServer}, a form re-rendered with its errors) asks here.
 * Anything outside {@link WorkbenchException} that escapes a handler is a bug: 500, logged with its stack trace.
 */
public final class ErrorStatus {

    private ErrorStatus() {
    }

    public static HttpStatus of(WorkbenchException e) {
        if (e instanceof NotFoundException) {
            return HttpStatus.NOT_FOUND;
        }
        if (e instanceof ConsoleException c) {
            return switch (c.kind()) {
                case SYNTAX, INVALID -> HttpStatus.BAD_REQUEST;
                case READ_ONLY, FORBIDDEN -> HttpStatus.FORBIDDEN;
                case TIMEOUT -> HttpStatus.REQUEST_TIMEOUT;
                case MEMORY, TOO_LARGE -> HttpStatus.UNPROCESSABLE_CONTENT;
            };
        }
        if (e instanceof InvalidException) {
            return HttpStatus.BAD_REQUEST;
        }
        if (e instanceof ConflictException) {
            return HttpStatus.CONFLICT;
        }
        if (e instanceof SimulationRefusedException r && r.reason() == SimulationRefusedException.Reason.TOO_MANY_JOBS) {
            return HttpStatus.TOO_MANY_REQUESTS;
        }
        if (e instanceof UnprocessableException) {
            return HttpStatus.UNPROCESSABLE_CONTENT;
        }
        if (e instanceof TooLargeException) {
            return HttpStatus.CONTENT_TOO_LARGE;
        }
        if (e instanceof ForbiddenException) {
            return HttpStatus.FORBIDDEN;
        }
        if (e instanceof UnauthorizedException) {
            return HttpStatus.UNAUTHORIZED;
        }
        if (e instanceof NotReadyException) {
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
        if (e instanceof StartupException) {
            return HttpStatus.INTERNAL_SERVER_ERROR;
        }
        throw new IllegalStateException("no HTTP status for " + e.getClass().getName()); // unreachable: the root is sealed
    }

    /**
     * The customer-value maths' own root, should one escape a service: an unreadable transaction log is invalid input,
     * a fit that did not converge cannot give an answer. (The simulations module's {@code ScenarioException} is invalid
     * input too, answered by {@link WebServer}; its other exceptions escaping a handler are bugs.)
     */
    public static HttpStatus of(ClvException e) {
        return e instanceof TransactionLogException ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_CONTENT;
    }
}
