package org.cstrat.sim.compare;

import org.cstrat.framework.Architecture;
import org.cstrat.framework.Experience;
import org.cstrat.sim.model.BillingModel;
import org.cstrat.sim.model.Checks;
import org.cstrat.sim.model.ModelParameters;
import org.cstrat.sim.model.Param;
import org.cstrat.sim.model.Segment;
import org.cstrat.sim.model.Strategy;

/**
 * Which billing model each connection architecture uses in the matrix heatmap, and what share of
 * the fulfilment cost the firm bears in it. Prices derive from the reference price P of the firm's
 * current strategy (what a customer pays per episode today), the customer-weighted mean episode
 * rate r and mean usage per episode u:
 * <table>
 * <caption>architecture → billing</caption>
 * <tr><th>architecture</th><th>billing</th><th>firm's share of fulfilment cost</th></tr>
 * <tr><td>connected producer</td><td>pay per use, P / u per unit</td><td>1</td></tr>
 * <tr><td>connected retailer</td><td>flat price P</td><td>1</td></tr>
 * <tr><td>market maker</td><td>commission {@code commissionRate} on a transaction of P</td><td>{@code marketMakerCostShare}</td></tr>
 * <tr><td>crowd orchestrator</td><td>third parties pay {@code orchestratorEpisodeShare} P per episode and
 *     {@code orchestratorActiveShare} P r per active customer-period</td><td>{@code orchestratorCostShare}</td></tr>
 * <tr><td>peer-to-peer network</td><td>subscription of {@code peerSubscriptionShare} P r per period</td><td>{@code peerCostShare}</td></tr>
 * </table>
 */
public record HeatmapMapping(
        @Param(value = "market maker's commission on the brokered transaction", unit = "share", min = 0, max = 1) double commissionRate,
        @Param(value = "share of the fulfilment cost a market maker bears (matching only)", unit = "share", min = 0, max = 1) double marketMakerCostShare,
        @Param(value = "third-party payment per episode as a share of P", unit = "share", min = 0, max = 10) double orchestratorEpisodeShare,
        @Param(value = "third-party payment per active customer-period as a share of P r", unit = "share", min = 0, max = 10) double orchestratorActiveShare,
        @Param(value = "share of the fulfilment cost a crowd orchestrator bears", unit = "share", min = 0, max = 1) double orchestratorCostShare,
        @Param(value = "peer network subscription per period as a share of P r", unit = "share", min = 0, max = 10) double peerSubscriptionShare,
        @Param(value = "share of the fulfilment cost a peer-to-peer network bears", unit = "share", min = 0, max = 1) double peerCostShare) {

    public HeatmapMapping {
        Checks.probability("commissionRate", commissionRate);
        Checks.probability("marketMakerCostShare", marketMakerCostShare);
        Checks.range("orchestratorEpisodeShare", orchestratorEpisodeShare, 0, 10);
        Checks.range("orchestratorActiveShare", orchestratorActiveShare, 0, 10);
        Checks.probability("orchestratorCostShare", orchestratorCostShare);
        Checks.range("peerSubscriptionShare", peerSubscriptionShare, 0, 10);
        Checks.probability("peerCostShare", peerCostShare);
    }

    public static HeatmapMapping defaults() {
        return new HeatmapMapping(0.2, 0.1, 0.15, 0.05, 0.25, 0.1, 0.05);
    }

    /** The strategy of cell (experience, architecture) for a firm whose current strategy is {@code base}. */
    public Strategy strategyFor(Experience experience, Architecture architecture, Strategy base, ModelParameters p) {
        double price = referencePrice(base.billing(), p);
        double rate = mean(p, Segment::episodeRate);
        double usage = mean(p, Segment::usagePerEpisode);
        BillingModel billing;
        double costShare;
        switch (architecture) {
            case CONNECTED_PRODUCER -> {
                billing = new BillingModel.PayPerUse(usage > 0 ? price / usage : price);
                costShare = 1.0;
            }
            case CONNECTED_RETAILER -> {
                billing = new BillingModel.FlatPrice(price);
                costShare = 1.0;
            }
            case MARKET_MAKER -> {
                billing = new BillingModel.Commission(price, commissionRate);
                costShare = marketMakerCostShare;
            }
            case CROWD_ORCHESTRATOR -> {
                billing = new BillingModel.ThirdPartyPays(orchestratorActiveShare * price * rate, orchestratorEpisodeShare * price);
                costShare = orchestratorCostShare;
            }
            case PEER_TO_PEER -> {
                billing = new BillingModel.Subscription(peerSubscriptionShare * price * rate);
                costShare = peerCostShare;
            }
            default -> throw new IllegalArgumentException("architecture: unsupported, was " + architecture);
        }
        return new Strategy(experience.id() + "/" + architecture.id(), experience, base.personalisationLevel(), billing,
                base.investment(), base.fixedCostPerPeriod(), costShare);
    }

    /** What a customer pays per episode under {@code billing}, on average over segments. */
    public static double referencePrice(BillingModel billing, ModelParameters p) {
        double rate = mean(p, Segment::episodeRate);
        if (billing instanceof BillingModel.FlatPrice f) {
            return f.price();
        } else if (billing instanceof BillingModel.PersonalisedPricing pp) {
            return pp.basePrice();
        } else if (billing instanceof BillingModel.PayPerUse ppu) {
            return ppu.pricePerUnit() * mean(p, Segment::usagePerEpisode);
        } else if (billing instanceof BillingModel.Subscription s) {
            return rate > 0 ? s.feePerPeriod() / rate : s.feePerPeriod();
        } else if (billing instanceof BillingModel.Commission c) {
            return c.transactionValue();
        } else if (billing instanceof BillingModel.OutcomeSharing o) {
            return o.feePerEpisode() + o.share() * mean(p, Segment::valuePerEpisode) * p.behaviour().fitBase();
        } else if (billing instanceof BillingModel.ThirdPartyPays t) {
            return t.perEpisode() + (rate > 0 ? t.perActiveCustomer() / rate : 0);
        }
        throw new IllegalArgumentException("billing: unsupported, was " + billing);
    }

    private static double mean(ModelParameters p, java.util.function.ToDoubleFunction<Segment> f) {
        double n = 0;
        double sum = 0;
        for (Segment s : p.segments()) {
            double c = s.customersOver(p.periods());
            n += c;
            sum += c * f.applyAsDouble(s);
        }
        return n > 0 ? sum / n : 0;
    }
}
