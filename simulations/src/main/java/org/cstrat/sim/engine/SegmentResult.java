package org.cstrat.sim.engine;

import org.cstrat.sim.stats.Distribution;

/**
 * Per-segment outcome of one strategy.
 *
 * @param customers customers of the segment over the horizon
 * @param lifetimeValue customer lifetime value within the horizon: discounted margin of the
 *        segment's customers (after acquisition cost) per customer, over replications
 * @param meanPricePerServedEpisode price customers perceive paying per served episode (currency)
 * @param servedEpisodesPerCustomer served episodes per customer over the horizon
 */
public record SegmentResult(String name, long customers, Distribution lifetimeValue,
                            double meanPricePerServedEpisode, double servedEpisodesPerCustomer) {
}
