package org.cstrat.server.customers.value;

import java.util.Objects;

/**
 * RFM scores of one customer at the calibration end.
 *
 * @param customerId     the customer
 * @param recencyWeeks   weeks since the last purchase (first or repeat), lower is better
 * @param frequency      number of purchase days in the calibration period (x + 1), higher is better
 * @param monetary       mean spend per purchase day, first purchase included, higher is better
 * @param r              recency score 1..5 (5 = most recent)
 * @param f              frequency score 1..5 (5 = most frequent)
 * @param m              monetary score 1..5 (5 = highest spend)
 * @param rfmClass       the named class, see {@link RfmClass}
 */
public record RfmScore(String customerId, double recencyWeeks, int frequency, double monetary, int r, int f, int m,
                       RfmClass rfmClass) {

    public RfmScore {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(rfmClass, "rfmClass");
        if (!(recencyWeeks >= 0) || !Double.isFinite(recencyWeeks)) {
            throw new IllegalArgumentException("recencyWeeks must be finite and >= 0, was " + recencyWeeks);
        }
        if (frequency < 1) {
            throw new IllegalArgumentException("frequency must be >= 1, was " + frequency);
        }
        if (!(monetary >= 0) || !Double.isFinite(monetary)) {
            throw new IllegalArgumentException("monetary must be finite and >= 0, was " + monetary);
        }
        requireScore("r", r);
        requireScore("f", f);
        requireScore("m", m);
        if (rfmClass != RfmClass.of(r, f, m)) {
            throw new IllegalArgumentException("rfmClass must be " + RfmClass.of(r, f, m) + " for scores " + r + f + m
                    + ", was " + rfmClass);
        }
    }

    static void requireScore(String name, int score) {
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException(name + " score must be in 1..5, was " + score);
        }
    }

    /** The three digits, e.g. {@code "555"}. */
    public String code() {
        return "" + r + f + m;
    }
}
