package org.cstrat.server.customers.value;

/**
 * Root of the unchecked exceptions thrown by the customer-value package.
 *
 * <p>Two things can go wrong: the input cannot be read ({@link TransactionLogException}, carrying every
 * problem found with its file, line and column) or a model fit did not converge
 * ({@link FitNotConvergedException}, carrying the diagnostics so that nothing is stored as if it had).
 */
public abstract sealed class ClvException extends RuntimeException
        permits TransactionLogException, FitNotConvergedException {

    private static final long serialVersionUID = 1L;

    ClvException(String message) {
        super(message);
    }
}
