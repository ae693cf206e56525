package org.cstrat.server.customers.value;

import java.util.List;
import org.apache.commons.math3.special.Gamma;

/**
 * Parameters of the Gamma-Gamma model of spend per transaction and the expected spend it predicts.
 *
 * <p>Model (Fader &amp; Hardie 2013, "The Gamma-Gamma Model of Monetary Value", note 025 at brucehardie.com;
 * Fader, Hardie &amp; Lee 2005, "RFM and CLV: Using Iso-Value Curves for Customer Base Analysis", <i>Journal of
 * Marketing Research</i> 42(4):415-430): the value of each transaction is {@code Gamma(shape p, rate nu)}, and
 * {@code nu ~ Gamma(shape q, rate v)} across customers ("gamma" in the papers is {@code v} here). Spend is
 * assumed independent of the transaction process.
 *
 * @param p shape of the spend per transaction, {@code > 0}
 * @param q shape of the heterogeneity in spend, {@code > 0}; {@code q > 1} for a finite population mean
 * @param v rate (in currency units) of the heterogeneity in spend, {@code > 0}
 */
public record GammaGammaParameters(double p, double q, double v) {

    public GammaGammaParameters {
        BgNbdParameters.requirePositive("p", p);
        BgNbdParameters.requirePositive("q", q);
        BgNbdParameters.requirePositive("v", v);
    }

    /**
     * Log-density of the observed mean spend {@code zbar} of a repeat buyer with {@code x} transactions, note 025
     * eq. (1a): {@code ln G(px+q) - ln G(px) - ln G(q) + q ln v + (px-1) ln zbar + px ln x - (px+q) ln(v + x zbar)}.
     *
     * @throws IllegalArgumentException if {@code x == 0} or {@code zbar <= 0} (no information on spend)
     */
    public double logLikelihood(CustomerHistory h) {
        if (h.x() == 0 || h.zbar() <= 0) {
            throw new IllegalArgumentException("Gamma-Gamma needs x > 0 and zbar > 0, was x=" + h.x()
                    + ", zbar=" + h.zbar());
        }
        double px = p * h.x();
        return Gamma.logGamma(px + q) - Gamma.logGamma(px) - Gamma.logGamma(q) + q * Math.log(v)
                + (px - 1) * Math.log(h.zbar()) + px * Math.log(h.x()) - (px + q) * Math.log(v + h.x() * h.zbar());
    }

    /** Sum of {@link #logLikelihood(CustomerHistory)} over repeat buyers with positive spend. */
    public double logLikelihood(List<CustomerHistory> repeatBuyers) {
        return GammaGammaFitter.Likelihood.of(repeatBuyers).logLikelihood(p, q, v);
    }

    /** Population mean spend per transaction {@code p v / (q - 1)}. */
    public double meanSpend() {
        if (q <= 1) {
            throw new IllegalStateException("the population mean spend is infinite when q <= 1, q=" + q);
        }
        return p * v / (q - 1);
    }

    /**
     * Expected spend per transaction of a customer, note 025 eq. (5):
     * {@code (q-1)/(px+q-1) * pv/(q-1) + px/(px+q-1) * zbar = p (v + x zbar) / (px + q - 1)},
     * a weighted mean of the population mean and the customer's own mean. For {@code x = 0} it is the population
     * mean.
     *
     * @throws IllegalStateException if the expectation is infinite ({@code px + q <= 1})
     */
    public double expectedSpend(CustomerHistory h) {
        double px = p * h.x();
        if (px + q - 1 <= 0) {
            throw new IllegalStateException("expected spend is infinite when p*x + q <= 1: p=" + p + ", q=" + q
                    + ", x=" + h.x());
        }
        return p * (v + h.x() * h.zbar()) / (px + q - 1);
    }
}
