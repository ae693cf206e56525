package org.cstrat.server.customers.value;

/**
 * A maximum-likelihood estimate with its asymptotic standard error.
 *
 * @param estimate the estimate, finite
 * @param se       standard error from the inverse observed information, {@code >= 0}; {@code NaN} when it
 *                 could not be computed (Hessian not positive definite)
 */
public record Estimate(double estimate, double se) {

    public Estimate {
        if (!Double.isFinite(estimate)) {
            throw new IllegalArgumentException("estimate must be finite, was " + estimate);
        }
        if (!Double.isNaN(se) && !(se >= 0 && Double.isFinite(se))) {
            throw new IllegalArgumentException("se must be finite and >= 0, or NaN when unavailable, was " + se);
        }
    }

    /** Whether a standard error is available. */
    public boolean hasStandardError() {
        return !Double.isNaN(se);
    }
}
