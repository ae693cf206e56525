package org.cstrat.server.customers.value;

import java.util.Objects;
import java.util.Optional;

/**
 * A maximum-likelihood fit of the Gamma-Gamma spend model (Fader &amp; Hardie 2013, note 025) on the repeat
 * buyers. Check {@link #convergence()} before using the numbers; {@link ClvFitter#fit} does so for you.
 *
 * @param p                      shape of spend per transaction
 * @param q                      shape of the heterogeneity in spend
 * @param v                      rate of the heterogeneity in spend ("gamma" in the note), in currency units
 * @param logLikelihood          maximised log-likelihood (note 025 eq. 1a summed over the fitted customers)
 * @param customers              number of customers fitted: repeat buyers ({@code x > 0}) with {@code zbar > 0}
 * @param excludedZeroSpend      repeat buyers left out because their repeat purchases were all worth 0
 * @param spendFrequencyCorrelation Pearson correlation of x and zbar among the fitted customers; the model
 *                               assumes spend independent of frequency, so it should be near 0 (NaN if undefined)
 * @param covariance             inverse observed information, in the order p, q, v; empty if unavailable
 * @param convergence            how the fit ended
 */
public record GammaGammaFit(Estimate p, Estimate q, Estimate v, double logLikelihood, int customers,
                            int excludedZeroSpend, double spendFrequencyCorrelation,
                            Optional<CovarianceMatrix> covariance, Convergence convergence) {

    public GammaGammaFit {
        Objects.requireNonNull(p, "p");
        Objects.requireNonNull(q, "q");
        Objects.requireNonNull(v, "v");
        Objects.requireNonNull(covariance, "covariance");
        Objects.requireNonNull(convergence, "convergence");
        if (customers < 0) {
            throw new IllegalArgumentException("customers must be >= 0, was " + customers);
        }
        if (excludedZeroSpend < 0) {
            throw new IllegalArgumentException("excludedZeroSpend must be >= 0, was " + excludedZeroSpend);
        }
        if (convergence.converged() && (customers < 1 || !Double.isFinite(logLikelihood) || covariance.isEmpty())) {
            throw new IllegalArgumentException("a converged fit needs customers >= 1 (was " + customers
                    + "), a finite logLikelihood (was " + logLikelihood + ") and a covariance matrix");
        }
    }

    /** The point estimates as model parameters. */
    public GammaGammaParameters parameters() {
        return new GammaGammaParameters(p.estimate(), q.estimate(), v.estimate());
    }
}
