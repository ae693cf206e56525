package org.cstrat.sim.optimise;

import org.cstrat.sim.model.Checks;

/**
 * A constraint on a candidate's risk or outcome, checked on its simulated distribution.
 *
 * @param kind {@link Kind#LOSS_PROBABILITY}: P(NPV &lt; 0) ≤ limit; {@link Kind#PRICE_DISPERSION}: the ratio of the
 *        highest to the lowest segment's mean price per served episode ≤ limit (by default the current strategy's
 *        fairness cap); {@link Kind#CUSTOMERS_AT_HORIZON}: mean customers active after the last period ≥ limit
 * @param limit the bound (a probability for the loss probability, a ratio ≥ 1, a number of customers)
 */
public record RiskConstraint(Kind kind, double limit) {
    /** The constrained quantity. */
    public enum Kind {
        LOSS_PROBABILITY("P(NPV < 0)", "<="),
        PRICE_DISPERSION("price dispersion ratio", "<="),
        CUSTOMERS_AT_HORIZON("customers at horizon", ">=");

        private final String label;
        private final String relation;

        Kind(String label, String relation) {
            this.label = label;
            this.relation = relation;
        }

        public String label() { return label; }

        public String relation() { return relation; }

        /** The id used in scenario files: {@code loss_probability}, {@code price_dispersion}, {@code customers_at_horizon}. */
        public String id() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    public RiskConstraint {
        Checks.present("constraint.kind", kind);
        switch (kind) {
            case LOSS_PROBABILITY -> Checks.probability("constraint.max", limit);
            case PRICE_DISPERSION -> Checks.range("constraint.max", limit, 1.0, Double.MAX_VALUE);
            case CUSTOMERS_AT_HORIZON -> Checks.nonNegative("constraint.min", limit);
            default -> throw new IllegalStateException();
        }
    }

    /** "P(NPV < 0) <= 0.1". */
    public String label() {
        return kind.label() + " " + kind.relation() + " " + (limit == Math.rint(limit) ? Long.toString((long) limit) : Double.toString(limit));
    }

    /** True when {@code value} meets the bound. */
    public boolean holds(double value) {
        return violation(value) == 0.0;
    }

    /**
     * How far {@code value} misses the bound, scaled so that constraints of different units add up: the probability's
     * excess itself, the ratio's and the customers' excess relative to the limit; 0 when it holds. A value that could
     * not be measured (NaN: no served episode to price) counts as held for dispersion and as missed by 1 otherwise.
     */
    public double violation(double value) {
        if (Double.isNaN(value)) {
            return kind == Kind.PRICE_DISPERSION ? 0.0 : 1.0;
        }
        return switch (kind) {
            case LOSS_PROBABILITY -> Math.max(0.0, value - limit);
            case PRICE_DISPERSION -> Math.max(0.0, value - limit) / limit;
            case CUSTOMERS_AT_HORIZON -> Math.max(0.0, limit - value) / Math.max(1.0, limit);
        };
    }
}
