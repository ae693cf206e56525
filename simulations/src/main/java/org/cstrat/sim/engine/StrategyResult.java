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
 * @param revenue undiscounted total revenue over the horizon: per served and good episode and per active
 *        customer-period (currency)
 * @param cost undiscounted total cost over the horizon: investment, fixed cost of every period, acquisition
 *        of the customers arriving after t = 0, fulfilment of served episodes, and the connected and
 *        personalisation cost of every active consenting customer-period (currency)
 * @param activeAtEnd customers still active after the last period's churn draw (the active-customer fan
 *        chart's last point counts them before it)
 * @param servedEpisodes episodes served over the horizon
 * @param recognisedShare recognised episodes / all need episodes (of consenting and non-consenting customers)
 * @param servedShare served episodes / all need episodes
 * @param autoExecutedShare episodes executed automatically / served episodes
 * @param withdrawalsPerCustomer standing authorisations withdrawn / customers who entered the horizon
 * @param wtpPerServedEpisode mean effective willingness to pay of a served episode (currency)
 * @param costToServePerServedEpisode fulfilment plus connected and personalisation costs / served episodes
 *        (no acquisition, investment or fixed cost) (currency)
 * @param activeCustomers per period t, customers active during t (arrived by t, not churned at the end of an
 *        earlier period), counted before t's churn draw
 * @param revenuePerPeriod per period, undiscounted revenue
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
