package org.cstrat.server.customers.value;

import java.util.List;
import org.apache.commons.math3.special.Gamma;

/**
 * Parameters of the BG/NBD model and the quantities it predicts for a customer.
 *
 * <p>Model (Fader, Hardie &amp; Lee 2005, "'Counting Your Customers' the Easy Way: An Alternative to the
 * Pareto/NBD Model", <i>Marketing Science</i> 24(2):275-284): while alive, a customer buys as a Poisson process
 * with rate {@code lambda ~ Gamma(shape r, rate alpha)}; after each repeat purchase the customer drops out with
 * probability {@code p ~ Beta(a, b)}. Time is in weeks.
 *
 * @param r     shape of the purchase-rate distribution, {@code > 0}
 * @param alpha rate (scale in weeks) of the purchase-rate distribution, {@code > 0}
 * @param a     first shape of the dropout-probability distribution, {@code > 0}
 * @param b     second shape of the dropout-probability distribution, {@code > 0}
 */
public record BgNbdParameters(double r, double alpha, double a, double b) {

    /**
     * Below this distance of {@code a} from 1 the expectation always uses the series that carries the factor
     * {@code (a-1)} explicitly, never the 1-z transformation, whose {@code (1-G)/(a-1)} would lose
     * {@code -log10|a-1|} digits.
     */
    static final double A_NEAR_ONE = 1e-4;

    public BgNbdParameters {
        requirePositive("r", r);
        requirePositive("alpha", alpha);
        requirePositive("a", a);
        requirePositive("b", b);
    }

    static void requirePositive(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, was " + value);
        }
    }

    /**
     * Log-likelihood of one customer, FHL (2005) eq. (6), evaluated in log space:
     * {@code ln A1 + ln A2 + ln(exp(A3) + [x>0] exp(A4))} with the last term by log-sum-exp
     * (Hardie's note 004, section "log-likelihood").
     */
    public double logLikelihood(CustomerHistory h) {
        int x = h.x();
        double lnA1 = Gamma.logGamma(r + x) - Gamma.logGamma(r) + r * Math.log(alpha);
        double lnA2 = Gamma.logGamma(a + b) + Gamma.logGamma(b + x) - Gamma.logGamma(b) - Gamma.logGamma(a + b + x);
        double a3 = -(r + x) * Math.log(alpha + h.T());
        if (x == 0) {
            return lnA1 + lnA2 + a3;
        }
        double a4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + h.tx());
        return lnA1 + lnA2 + logSumExp(a3, a4);
    }

    /** Sum of {@link #logLikelihood(CustomerHistory)} over the customers. */
    public double logLikelihood(List<CustomerHistory> histories) {
        return BgNbdFitter.Likelihood.of(histories).logLikelihood(r, alpha, a, b);
    }

    /**
     * Probability that the customer is still alive at the end of the calibration period, FHL (2005) eq. (12)
     * and Hardie's note 021: {@code 1 / (1 + [x>0] a/(b+x-1) ((alpha+T)/(alpha+t_x))^(r+x))}; exactly 1 when
     * {@code x = 0}, since in the BG/NBD story dropout can only happen right after a repeat purchase.
     */
    public double probabilityAlive(CustomerHistory h) {
        if (h.x() == 0) {
            return 1.0;
        }
        double logOdds = Math.log(a) - Math.log(b + h.x() - 1)
                + (r + h.x()) * (Math.log(alpha + h.T()) - Math.log(alpha + h.tx()));
        // 1 / (1 + e^logOdds), written so that neither branch overflows
        return logOdds > 0 ? Math.exp(-logOdds) / (1 + Math.exp(-logOdds)) : 1 / (1 + Math.exp(logOdds));
    }

    /**
     * Expected number of transactions in the next {@code t} weeks of a customer with history (x, t_x, T),
     * FHL (2005) eq. (10):
     * <pre>
     *   E[Y(t) | x, t_x, T] = (a+b+x-1)/(a-1) * [1 - G] * P(alive | x, t_x, T),
     *   G = ((alpha+T)/(alpha+T+t))^(r+x) * 2F1(r+x, b+x; a+b+x-1; t/(alpha+T+t)).
     * </pre>
     * Numerics: with {@code z = t/(alpha+T+t)} and {@code s = a-1-r-x}, when {@code s <= 0} G is evaluated in
     * Euler's form {@code (1-z)^(a-1) 2F1(a+b-1-r, a-1; a+b+x-1; z)}, whose series decays like
     * {@code k^(s-1) z^k} (fast even for z near 1) and carries the factor {@code (a-1)} explicitly, so that
     * {@code (1-G)/(a-1)} is computed without the 0/0 at {@code a = 1}. When {@code s > 0} the original series,
     * decaying like {@code k^(-s-1) z^k}, is used instead. For long horizons ({@code z >= 0.9}) G comes from the
     * transformation to {@code 1-z} in {@link Hypergeometric}, unless {@code a} is within {@value #A_NEAR_ONE}
     * of 1. (Fader &amp; Hardie's note 027 discusses the overflow ("#NUM!") these forms avoid.)
     *
     * @param t horizon in weeks, {@code >= 0}
     */
    public double expectedTransactions(CustomerHistory h, double t) {
        if (!(t >= 0) || !Double.isFinite(t)) {
            throw new IllegalArgumentException("t must be finite and >= 0, was " + t);
        }
        if (t == 0) {
            return 0.0;
        }
        int x = h.x();
        double bigA = r + x;
        double bigC = a + b + x - 1;
        double z = t / (alpha + h.T() + t);
        double lnOneMinusZ = -Math.log1p(t / (alpha + h.T()));
        double s = a - 1 - r - x;
        double oneMinusGOverAMinus1;
        if (z >= Hypergeometric.NEAR_ONE && Math.abs(a - 1) >= A_NEAR_ONE) {
            // Long horizon: the series in z would converge slowly; use the transformation to 1-z.
            double g = Hypergeometric.powTimesHyp2f1(bigA, bigA, b + x, bigC, z, (alpha + h.T()) / (alpha + h.T() + t));
            oneMinusGOverAMinus1 = (1 - g) / (a - 1);
        } else if (s <= 0) {
            double eps = a - 1;
            // G = (1-z)^eps * (1 + eps * S), S = sum_{k>=1} (C-A)_k (eps+1)_{k-1} / ((C)_k k!) z^k
            double aPrime = bigC - bigA;
            double sTilde = Hypergeometric.sumFrom(aPrime, eps, bigC, z, 1, aPrime / bigC * z);
            double expm1OverEps = eps == 0 ? lnOneMinusZ : Math.expm1(eps * lnOneMinusZ) / eps;
            oneMinusGOverAMinus1 = -expm1OverEps - Math.exp(eps * lnOneMinusZ) * sTilde;
        } else {
            double g = Math.exp(bigA * lnOneMinusZ) * Hypergeometric.series(bigA, b + x, bigC, z);
            oneMinusGOverAMinus1 = (1 - g) / (a - 1);
        }
        return bigC * oneMinusGOverAMinus1 * probabilityAlive(h);
    }

    /**
     * Expected number of repeat transactions in {@code (0, t]} for a customer just acquired, FHL (2005) eq. (9):
     * {@code (a+b-1)/(a-1) [1 - (alpha/(alpha+t))^r 2F1(r, b; a+b-1; t/(alpha+t))]}.
     */
    public double expectedTransactions(double t) {
        return expectedTransactions(new CustomerHistory(0, 0, 0, 0), t);
    }

    private static double logSumExp(double u, double v) {
        double max = Math.max(u, v);
        return max + Math.log1p(Math.exp(Math.min(u, v) - max));
    }
}
