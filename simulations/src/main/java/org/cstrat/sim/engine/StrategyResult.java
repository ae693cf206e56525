package org.cstrat.sim.engine;

import java.util.List;
import org.cstrat.framework.Experience;
import org.cstrat.framework.PersonalisationLevel;
import org.cstrat.framework.RevenueModelKind;
import org.cstrat.sim.stats.Distribution;
import org.cstrat.sim.stats.FanChart;
import org.cstrat.sim.stats.Histogram;

/**
 * Distributions over replications for one strategy. Shares (recognised, served) and per-episode
 * figures are ratios of totals over all replications.
 *
 * @param npv discounted net cash flow (currency)
 * @param revenue undiscounted revenue over the horizon (currency)
 * @param cost undiscounted cost over the horizon, including investment and acquisition (currency)
 * @param activeAtEnd customers still active after the last period
 * @param servedEpisodes episodes served over the horizon
 * @param recognisedShare recognised episodes / need episodes
 * @param servedShare served episodes / need episodes
 * @param autoExecutedShare auto-executed episodes / served episodes
 * @param withdrawalsPerCustomer standing authorisations withdrawn per customer
 * @param wtpPerServedEpisode mean effective willingness to pay of a served episode (currency)
 * @param costToServePerServedEpisode per-episode, connected and personalisation costs per served episode (currency)
 */
public record StrategyResult(
        String name,
        Experience experience,
        PersonalisationLevel personalisationLevel,
        RevenueModelKind billing,
        Distribution npv,
        Histogram npvHistogram,
        Distribution revenue,
        Distribution cost,
        Distribution activeAtEnd,
        Distribution servedEpisodes,
        double recognisedShare,
        double servedShare,
        double autoExecutedShare,
        double withdrawalsPerCustomer,
        double wtpPerServedEpisode,
        double costToServePerServedEpisode,
        FanChart activeCustomers,
        FanChart revenuePerPeriod,
        List<SegmentResult> segments,
        PriceDispersion priceDispersion) {

    public StrategyResult {
        segments = List.copyOf(segments);
    }
}
