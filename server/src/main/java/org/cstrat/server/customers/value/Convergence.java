package org.cstrat.server.customers.value;

import java.util.Objects;

/**
 * How a maximum-likelihood fit ended. A fit is {@code converged} only if at least one optimizer run finished
 * within its budget, the final polish finished, no parameter sits on its bound, the Hessian of the negative
 * log-likelihood is positive definite and the Newton decrement (the log-likelihood gain a Newton step would
 * still promise) is below the tolerance.
 *
 * @param converged                 the verdict
 * @param message                   a human-readable account naming any failed check
 * @param evaluations               log-likelihood evaluations used in total
 * @param startsTried               number of starting points
 * @param startsAgreeing            starting points whose run ended within 1e-4 of the best log-likelihood
 * @param hessianPositiveDefinite   whether the observed information is positive definite at the optimum
 * @param newtonDecrement           {@code g' H^-1 g / 2} at the optimum (log-likelihood units); NaN if H is not PD
 */
public record Convergence(boolean converged, String message, int evaluations, int startsTried,
                          int startsAgreeing, boolean hessianPositiveDefinite, double newtonDecrement) {

    public Convergence {
        Objects.requireNonNull(message, "message");
        if (evaluations < 0) {
            throw new IllegalArgumentException("evaluations must be >= 0, was " + evaluations);
        }
        if (startsTried < 0 || startsAgreeing < 0 || startsAgreeing > startsTried) {
            throw new IllegalArgumentException("need 0 <= startsAgreeing (" + startsAgreeing + ") <= startsTried ("
                    + startsTried + ")");
        }
        if (converged && !hessianPositiveDefinite) {
            throw new IllegalArgumentException("a converged fit needs a positive definite Hessian");
        }
    }
}
