package org.cstrat.server.customers.value;

/**
 * Settings of the maximum-likelihood fits.
 *
 * @param maxEvaluationsPerRun budget of log-likelihood evaluations for each optimizer run (each start and the
 *                             final polish), {@code >= 10}
 * @param tolerance            convergence tolerance on the Newton decrement, in log-likelihood units, {@code > 0}
 */
public record FitOptions(int maxEvaluationsPerRun, double tolerance) {

    /** 20,000 evaluations per run, tolerance 1e-6. */
    public static final FitOptions DEFAULTS = new FitOptions(20_000, 1e-6);

    public FitOptions {
        if (maxEvaluationsPerRun < 10) {
            throw new IllegalArgumentException("maxEvaluationsPerRun must be >= 10, was " + maxEvaluationsPerRun);
        }
        if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be finite and > 0, was " + tolerance);
        }
    }
}
