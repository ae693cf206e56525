package org.cstrat.sim;

/**
 * Root of the unchecked exceptions thrown by the simulation library. Callers that only want to
 * map "the simulation refused or stopped" to an answer can catch this one type.
 */
public abstract class SimulationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected SimulationException(String message) {
        super(message);
    }

    protected SimulationException(String message, Throwable cause) {
        super(message, cause);
    }
}
