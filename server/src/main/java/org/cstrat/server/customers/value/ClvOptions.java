package org.cstrat.server.customers.value;

/**
 * Settings of the per-customer valuation.
 *
 * @param horizonWeeks   horizon of the "expected transactions" figure, in weeks, {@code > 0}
 * @param periodWeeks    length of a discounting period in weeks, {@code > 0} (e.g. {@link #MONTH_WEEKS})
 * @param periods        number of periods in the CLV horizon, {@code >= 1}
 * @param discountRate   discount rate per period, {@code >= 0} (e.g. 0.01 per month)
 * @param margin         profit margin applied to spend, in (0, 1]; 1 values revenue
 */
public record ClvOptions(double horizonWeeks, double periodWeeks, int periods, double discountRate, double margin) {

    /** An average calendar month in weeks: 365.25 / 12 / 7. */
    public static final double MONTH_WEEKS = 365.25 / 12 / 7;

    /** 52-week horizon for expected transactions; CLV over 12 months at 1% per month; revenue (margin 1). */
    public static final ClvOptions DEFAULTS = new ClvOptions(52, MONTH_WEEKS, 12, 0.01, 1.0);

    public ClvOptions {
        if (!(horizonWeeks > 0) || !Double.isFinite(horizonWeeks)) {
            throw new IllegalArgumentException("horizonWeeks must be finite and > 0, was " + horizonWeeks);
        }
        if (!(periodWeeks > 0) || !Double.isFinite(periodWeeks)) {
            throw new IllegalArgumentException("periodWeeks must be finite and > 0, was " + periodWeeks);
        }
        if (periods < 1) {
            throw new IllegalArgumentException("periods must be >= 1, was " + periods);
        }
        if (!(discountRate >= 0) || !Double.isFinite(discountRate)) {
            throw new IllegalArgumentException("discountRate must be finite and >= 0, was " + discountRate);
        }
        if (!(margin > 0 && margin <= 1)) {
            throw new IllegalArgumentException("margin must be in (0, 1], was " + margin);
        }
    }
}
