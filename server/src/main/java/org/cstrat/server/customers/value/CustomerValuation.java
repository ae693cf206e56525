package org.cstrat.server.customers.value;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Per-customer P(alive), expected transactions, expected spend and discounted CLV from fitted models.
 *
 * <p>CLV formula (the discrete-period approximation used by Fader, Hardie &amp; Lee 2005, JMR, and by the
 * lifetimes package): with period length {@code d} weeks, {@code K} periods, discount rate {@code i} per period
 * and margin {@code m},
 * <pre>
 *   CLV = m * E[M | x, zbar] * sum_{k=1..K} (E[Y(k d) | x, t_x, T] - E[Y((k-1) d) | x, t_x, T]) / (1 + i)^k
 * </pre>
 * where {@code E[Y(t) | ...]} is the BG/NBD conditional expectation (FHL 2005 eq. 10) and {@code E[M | ...]} the
 * Gamma-Gamma conditional expected spend (note 025 eq. 5); the transactions expected in period k are discounted
 * to the calibration end as if they happened at the end of the period. It values only future (residual)
 * transactions; the closed-form DERT of Fader, Hardie &amp; Lee (2005, JMR) exists for the Pareto/NBD, not
 * for the BG/NBD, hence the sum.
 */
public final class CustomerValuation {

    private final BgNbdParameters transactions;
    private final GammaGammaParameters spend;
    private final ClvOptions options;

    public CustomerValuation(BgNbdParameters transactions, GammaGammaParameters spend, ClvOptions options) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.spend = Objects.requireNonNull(spend, "spend");
        this.options = Objects.requireNonNull(options, "options");
        if (spend.q() <= 1) {
            throw new IllegalArgumentException("Gamma-Gamma q must be > 1 for a finite expected spend of customers"
                    + " without repeat purchases, was q=" + spend.q() + "; CLV not computed");
        }
    }

    /**
     * From a converged fit.
     *
     * @throws IllegalArgumentException if the fit did not converge
     */
    public static CustomerValuation of(ClvFit fit, ClvOptions options) {
        if (!fit.converged()) {
            throw new IllegalArgumentException("cannot value customers with a fit that did not converge");
        }
        return new CustomerValuation(fit.bgnbd().parameters(), fit.gammagamma().parameters(), options);
    }

    /** Values every customer, in input order. */
    public List<CustomerValue> value(List<CustomerSummary> summaries) {
        List<RfmScore> rfm = Rfm.score(summaries);
        List<CustomerValue> out = new ArrayList<>(summaries.size());
        for (int i = 0; i < summaries.size(); i++) {
            CustomerSummary s = summaries.get(i);
            CustomerHistory h = s.history();
            out.add(new CustomerValue(s.customerId(), h, transactions.probabilityAlive(h),
                    transactions.expectedTransactions(h, options.horizonWeeks()), spend.expectedSpend(h), clv(h),
                    rfm.get(i)));
        }
        return List.copyOf(out);
    }

    /** Discounted CLV of one customer by the formula in the class comment. */
    public double clv(CustomerHistory h) {
        double total = 0;
        double previous = 0;
        double discount = 1;
        for (int k = 1; k <= options.periods(); k++) {
            double cumulative = transactions.expectedTransactions(h, k * options.periodWeeks());
            discount /= 1 + options.discountRate();
            total += Math.max(0, cumulative - previous) * discount;
            previous = cumulative;
        }
        return options.margin() * spend.expectedSpend(h) * total;
    }
}
