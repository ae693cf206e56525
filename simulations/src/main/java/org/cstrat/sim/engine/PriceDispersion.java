package org.cstrat.sim.engine;

import java.util.List;

/**
 * The fairness report: how far apart the prices of different segments are. For personalised
 * pricing it also shows the indicator's raw multipliers, the multipliers after the fairness guard
 * and whether the guard had to clamp.
 *
 * @param maxToMinRatio highest over lowest mean segment price per served episode (1 when all equal)
 * @param coefficientOfVariation served-episode-weighted standard deviation / mean of segment prices
 * @param fairnessCap the guard's cap on the price ratio, or NaN when the billing model is not personalised
 * @param guardBinding true when the guard clamped some multiplier
 */
public record PriceDispersion(List<SegmentPrice> segments, double maxToMinRatio, double coefficientOfVariation,
                              double fairnessCap, boolean guardBinding) {

    /** One segment's prices; multipliers are over all tenures in the horizon (1 unless personalised). */
    public record SegmentPrice(String segment, double meanPrice, double rawMultiplierMin, double rawMultiplierMax,
                               double appliedMultiplierMin, double appliedMultiplierMax) {
    }

    public PriceDispersion {
        segments = List.copyOf(segments);
    }
}
