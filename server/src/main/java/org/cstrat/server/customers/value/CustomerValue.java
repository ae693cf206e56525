package org.cstrat.server.customers.value;

import java.util.Objects;

/**
 * Model-based value of one customer at the calibration end.
 *
 * @param customerId           the customer
 * @param history              the model inputs (x, t_x, T, zbar)
 * @param probabilityAlive     BG/NBD P(alive | x, t_x, T)
 * @param expectedTransactions BG/NBD expected transactions in the next {@link ClvOptions#horizonWeeks()} weeks
 * @param expectedSpend        Gamma-Gamma expected spend per transaction
 * @param clv                  discounted expected value over the CLV horizon, see {@link CustomerValuation}
 * @param rfm                  the RFM scores
 */
public record CustomerValue(String customerId, CustomerHistory history, double probabilityAlive,
                            double expectedTransactions, double expectedSpend, double clv, RfmScore rfm) {

    public CustomerValue {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(rfm, "rfm");
        if (!(probabilityAlive >= 0 && probabilityAlive <= 1)) {
            throw new IllegalArgumentException("probabilityAlive must be in [0, 1], was " + probabilityAlive
                    + " for customer " + customerId);
        }
        if (!(expectedTransactions >= 0) || !Double.isFinite(expectedTransactions)) {
            throw new IllegalArgumentException("expectedTransactions must be finite and >= 0, was "
                    + expectedTransactions + " for customer " + customerId);
        }
        if (!(expectedSpend >= 0) || !Double.isFinite(expectedSpend)) {
            throw new IllegalArgumentException("expectedSpend must be finite and >= 0, was " + expectedSpend
                    + " for customer " + customerId);
        }
        if (!(clv >= 0) || !Double.isFinite(clv)) {
            throw new IllegalArgumentException("clv must be finite and >= 0, was " + clv + " for customer "
                    + customerId);
        }
        if (!customerId.equals(rfm.customerId())) {
            throw new IllegalArgumentException("rfm.customerId (" + rfm.customerId() + ") must equal customerId ("
                    + customerId + ")");
        }
    }
}
