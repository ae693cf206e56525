package org.cstrat.sim.model;

/**
 * Layout of one replication's outputs for one strategy in a flat {@code double[]}: scalars, then
 * active customers and revenue per period, then per-segment totals. Storing these per replication
 * (a few hundred doubles) lets every statistic be computed exactly and in replication order, which
 * is what makes results independent of the number of threads and of how ranges are split.
 */
public record OutputLayout(int periods, int segments) {
    /** Discounted net cash flow of the replication (investment, fixed costs, margins, acquisition). */
    public static final int NPV = 0;
    /** Revenue, undiscounted. */
    public static final int REVENUE = 1;
    /** All costs, undiscounted. */
    public static final int COST = 2;
    /** Need episodes that arose. */
    public static final int EPISODES = 3;
    /** Episodes served (accepted or executed). */
    public static final int SERVED = 4;
    /** Episodes in which the firm recognised the customer and the need. */
    public static final int RECOGNISED = 5;
    /** Customers still active after the last period. */
    public static final int ACTIVE_END = 6;
    /** Customers who entered the horizon. */
    public static final int CUSTOMERS = 7;
    /** Sum of effective willingness to pay over served episodes. */
    public static final int WTP_SUM = 8;
    /** Cost to serve: per-episode, connected and personalisation costs, undiscounted. */
    public static final int SERVE_COST = 9;
    /** Active customer-periods simulated. */
    public static final int ACTIVE_PERIODS = 10;
    /** Uniform random numbers drawn. */
    public static final int DRAWS = 11;
    /** Episodes that were auto-executed under a standing authorisation. */
    public static final int AUTO_EXECUTED = 12;
    /** Standing authorisations withdrawn. */
    public static final int WITHDRAWALS = 13;
    public static final int SCALARS = 14;

    /** Per segment: discounted margin of its customers (for CLV). */
    public static final int SEG_MARGIN = 0;
    /** Per segment: sum of the price customers perceive paying per served episode. */
    public static final int SEG_PRICE_SUM = 1;
    /** Per segment: served episodes. */
    public static final int SEG_SERVED = 2;
    public static final int SEGMENT_FIELDS = 3;

    public OutputLayout {
        Checks.intRange("periods", periods, 1, 600);
        Checks.intRange("segments", segments, 1, 100_000);
    }

    public int activeAt(int period) {
        return SCALARS + period;
    }

    public int revenueAt(int period) {
        return SCALARS + periods + period;
    }

    public int segment(int segment, int field) {
        return SCALARS + 2 * periods + segment * SEGMENT_FIELDS + field;
    }

    /** Doubles per replication. */
    public int stride() {
        return SCALARS + 2 * periods + segments * SEGMENT_FIELDS;
    }
}
