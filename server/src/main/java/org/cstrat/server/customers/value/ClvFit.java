package org.cstrat.server.customers.value;

import java.util.Locale;
import java.util.Objects;

/**
 * The fitted customer-value models: BG/NBD for transactions and dropout, Gamma-Gamma for spend.
 * Serialise with {@link ClvJson#write(ClvFit)}.
 *
 * @param bgnbd      the BG/NBD fit over all customers
 * @param gammagamma the Gamma-Gamma fit over the repeat buyers
 * @param customers  number of customers in the calibration data
 */
public record ClvFit(BgNbdFit bgnbd, GammaGammaFit gammagamma, int customers) {

    public ClvFit {
        Objects.requireNonNull(bgnbd, "bgnbd");
        Objects.requireNonNull(gammagamma, "gammagamma");
        if (customers < 1) {
            throw new IllegalArgumentException("customers must be >= 1, was " + customers);
        }
        if (bgnbd.customers() != customers) {
            throw new IllegalArgumentException("bgnbd.customers (" + bgnbd.customers() + ") must equal customers ("
                    + customers + ")");
        }
    }

    /** True only if both fits converged. */
    public boolean converged() {
        return bgnbd.convergence().converged() && gammagamma.convergence().converged();
    }

    /** A plain-text table of the estimates, standard errors and log-likelihoods, for the command line. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "BG/NBD (Fader, Hardie & Lee 2005), %d customers%n", customers));
        row(sb, "r", bgnbd.r());
        row(sb, "alpha", bgnbd.alpha());
        row(sb, "a", bgnbd.a());
        row(sb, "b", bgnbd.b());
        sb.append(String.format(Locale.ROOT, "  log-likelihood %.4f%n  %s%n", bgnbd.logLikelihood(),
                bgnbd.convergence().message()));
        sb.append(String.format(Locale.ROOT, "Gamma-Gamma (Fader & Hardie 2013), %d repeat buyers%s%n",
                gammagamma.customers(), gammagamma.excludedZeroSpend() > 0
                        ? " (" + gammagamma.excludedZeroSpend() + " with zero spend left out)" : ""));
        row(sb, "p", gammagamma.p());
        row(sb, "q", gammagamma.q());
        row(sb, "v", gammagamma.v());
        sb.append(String.format(Locale.ROOT, "  log-likelihood %.4f%n  corr(x, zbar) %.3f%n  %s%n",
                gammagamma.logLikelihood(), gammagamma.spendFrequencyCorrelation(),
                gammagamma.convergence().message()));
        return sb.toString();
    }

    private static void row(StringBuilder sb, String name, Estimate e) {
        sb.append(String.format(Locale.ROOT, "  %-6s %12.6f  (se %s)%n", name, e.estimate(),
                e.hasStandardError() ? String.format(Locale.ROOT, "%.6f", e.se()) : "unavailable"));
    }
}
