package org.cstrat.sim.engine;

import org.cstrat.sim.stats.Distribution;

/**
 * Per-segment outcome of one strategy.
 *
 * @param customers customers of the segment over the horizon, initialCustomers + newCustomersPerPeriod
 *        × (periods − 1), from the scenario's values (not redrawn under uncertainty)
 * @param lifetimeValue customer lifetime value within the horizon: discounted margin of the
 *        segment's customers (after acquisition cost; no investment or fixed cost) divided by
 *        {@code customers}, over replications
 * @param meanPricePerServedEpisode mean price customers feel they paid (π_sat) per served episode (currency)
 * @param servedEpisodesPerCustomer served episodes per customer over the horizon
 */
public record SegmentResult(String name, long customers, Distribution lifetimeValue,
                            double meanPricePerServedEpisode, double servedEpisodesPerCustomer) {
}
