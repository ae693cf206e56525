package org.cstrat.server.core;

/**
 * Root of the workbench's own unchecked exceptions: one subclass per kind of failure, so that the HTTP layer (and the
 * CLI) can answer each kind in one place. The kinds carry no HTTP status: {@code http} maps them. Kinds that features
 * specialise ({@link InvalidException}, {@link UnprocessableException}) are {@code non-sealed}; the others are final.
 * An exception outside this root that escapes a request (an {@link IllegalArgumentException} from a record's
 * constructor, say) is a bug in the workbench, answered as a server error and logged.
 */
public abstract sealed class WorkbenchException extends RuntimeException
        permits NotFoundException, InvalidException, ConflictException, UnprocessableException, TooLargeException,
        ForbiddenException, UnauthorizedException, NotReadyException, StartupException {

    protected WorkbenchException(String message) {
        super(message);
    }

    protected WorkbenchException(String message, Throwable cause) {
        super(message, cause);
    }
}
