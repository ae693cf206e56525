package org.cstrat.server.customers.value;

import java.util.Objects;

/**
 * A maximum-likelihood fit did not converge. The partial result is attached for diagnostics only; its
 * numbers must not be stored or reported as estimates.
 */
public final class FitNotConvergedException extends ClvException {

    private static final long serialVersionUID = 1L;

    private final transient ClvFit attempt;

    public FitNotConvergedException(ClvFit attempt) {
        super(message(attempt));
        this.attempt = attempt;
    }

    /** The non-converged attempt, with {@link ClvFit#converged()} false. */
    public ClvFit attempt() {
        return attempt;
    }

    private static String message(ClvFit attempt) {
        Objects.requireNonNull(attempt, "attempt");
        StringBuilder sb = new StringBuilder("customer-value fit did not converge");
        if (!attempt.bgnbd().convergence().converged()) {
            sb.append("; BG/NBD: ").append(attempt.bgnbd().convergence().message());
        }
        if (!attempt.gammagamma().convergence().converged()) {
            sb.append("; Gamma-Gamma: ").append(attempt.gammagamma().convergence().message());
        }
        return sb.toString();
    }
}
