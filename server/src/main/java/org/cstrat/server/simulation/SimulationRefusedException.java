package org.cstrat.server.simulation;

import java.util.List;

import org.cstrat.input.FieldError;
import org.cstrat.server.core.UnprocessableException;

/**
 * A valid simulation request that this server will not take on: too large for its work budget or its heap
 * ({@link Reason#TOO_LARGE}), or its owner already has as many jobs queued or running as one user may
 * ({@link Reason#TOO_MANY_JOBS}: the HTTP layer answers "too many requests"). The message says the estimate, the limit and what to change; nothing
 * was queued.
 */
public final class SimulationRefusedException extends UnprocessableException {

    /** Why the request was refused. */
    public enum Reason { TOO_LARGE, TOO_MANY_JOBS }

    private final Reason reason;
    private final List<FieldError> errors;

    public SimulationRefusedException(Reason reason, String message, List<FieldError> errors) {
        super(message);
        this.reason = reason;
        this.errors = List.copyOf(errors);
    }

    /** The fields to change as field errors (path, and the value with the reason). */
    public List<FieldError> fieldErrors() {
        return errors;
    }

    public Reason reason() {
        return reason;
    }

    /** The fields to change, each with its value and the reason (empty for {@link Reason#TOO_MANY_JOBS}). */
    public List<FieldError> errors() {
        return errors;
    }
}
