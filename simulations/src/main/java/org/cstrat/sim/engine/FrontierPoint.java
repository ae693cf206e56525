package org.cstrat.sim.engine;

/**
 * A strategy on the efficiency-frontier plane of Connected Strategy: how much it raises customers'
 * willingness to pay and how much it lowers the cost of fulfilling their needs, relative to the
 * baseline strategy.
 *
 * @param wtpPerServedEpisode mean effective willingness to pay per served episode (currency)
 * @param costToServePerServedEpisode cost to serve per served episode (currency)
 * @param wtpUplift wtpPerServedEpisode / baseline's - 1
 * @param costReduction 1 - costToServePerServedEpisode / baseline's
 * @param efficient no other strategy is at least as good on both axes and better on one
 */
public record FrontierPoint(String strategy, double wtpPerServedEpisode, double costToServePerServedEpisode,
                            double wtpUplift, double costReduction, boolean efficient) {
}
