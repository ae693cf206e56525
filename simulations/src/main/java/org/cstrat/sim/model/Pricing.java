package org.cstrat.sim.model;

import java.util.List;
import org.cstrat.framework.PricingIndicator;

/** The price multipliers of personalised pricing, before and after the fairness guard. */
public final class Pricing {
    private Pricing() {
    }

    /**
     * Raw multiplier of the base price for a customer of {@code segment} at {@code tenure} periods:
     * <ul>
     * <li>quantity: 1 - slope (rate / meanRate - 1), heavy users pay less per episode;</li>
     * <li>loyalty: 1 - slope min(tenure / loyaltyHorizon, 1);</li>
     * <li>time: 1 + slope (2 peakShare - 1), peak-time users pay more;</li>
     * <li>risk: 1 + slope (riskScore - 1).</li>
     * </ul>
     */
    public static double rawMultiplier(BillingModel.PersonalisedPricing p, Segment segment, double meanRate, int tenure) {
        PricingIndicator indicator = p.indicator();
        return switch (indicator) {
            case QUANTITY -> meanRate > 0 ? 1.0 - p.slope() * (segment.episodeRate() / meanRate - 1.0) : 1.0;
            case LOYALTY -> 1.0 - p.slope() * Math.min(tenure / p.loyaltyHorizon(), 1.0);
            case TIME -> 1.0 + p.slope() * (2.0 * segment.peakShare() - 1.0);
            case RISK -> 1.0 + p.slope() * (segment.riskScore() - 1.0);
        };
    }

    /** Raw multiplier clamped into the fairness band [1/sqrt(cap), sqrt(cap)]. */
    public static double guardedMultiplier(BillingModel.PersonalisedPricing p, Segment segment, double meanRate, int tenure) {
        double raw = rawMultiplier(p, segment, meanRate, tenure);
        return Math.min(p.maxMultiplier(), Math.max(p.minMultiplier(), raw));
    }

    /** Customer-weighted mean episode rate over the horizon, the reference of the quantity indicator. */
    public static double meanEpisodeRate(List<Segment> segments, int periods) {
        double customers = 0;
        double weighted = 0;
        for (Segment s : segments) {
            double n = s.customersOver(periods);
            customers += n;
            weighted += n * s.episodeRate();
        }
        return customers > 0 ? weighted / customers : 0.0;
    }
}
