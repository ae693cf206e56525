package org.cstrat.server.customers.value;

import java.util.Objects;
import java.util.Optional;

/**
 * A maximum-likelihood fit of the BG/NBD model (Fader, Hardie &amp; Lee 2005). Check {@link #convergence()}
 * before using the numbers; {@link ClvFitter#fit} does so for you.
 *
 * @param r             shape of the purchase-rate distribution
 * @param alpha         scale of the purchase-rate distribution, in weeks
 * @param a             first shape of the dropout-probability distribution
 * @param b             second shape of the dropout-probability distribution
 * @param logLikelihood maximised log-likelihood (FHL 2005 eq. 6 summed over customers)
 * @param customers     number of customers fitted
 * @param covariance    inverse observed information, in the order r, alpha, a, b; empty if unavailable
 * @param convergence   how the fit ended
 */
public record BgNbdFit(Estimate r, Estimate alpha, Estimate a, Estimate b, double logLikelihood, int customers,
                       Optional<CovarianceMatrix> covariance, Convergence convergence) {

    public BgNbdFit {
        Objects.requireNonNull(r, "r");
        Objects.requireNonNull(alpha, "alpha");
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(covariance, "covariance");
        Objects.requireNonNull(convergence, "convergence");
        if (customers < 1) {
            throw new IllegalArgumentException("customers must be >= 1, was " + customers);
        }
        if (convergence.converged() && (!Double.isFinite(logLikelihood) || covariance.isEmpty())) {
            throw new IllegalArgumentException("a converged fit needs a finite logLikelihood (was " + logLikelihood
                    + ") and a covariance matrix");
        }
    }

    /** The point estimates as model parameters. */
    public BgNbdParameters parameters() {
        return new BgNbdParameters(r.estimate(), alpha.estimate(), a.estimate(), b.estimate());
    }
}
