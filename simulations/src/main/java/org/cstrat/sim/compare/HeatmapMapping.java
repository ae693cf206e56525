package org.cstrat.sim.compare;

import java.util.Locale;
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

    /**
     * The column a strategy billed this way sits in when the caller does not say: the architecture whose
     * mapped billing model is of the same kind (pay per use: connected producer; flat or personalised price:
     * connected retailer; commission: market maker; third party pays: crowd orchestrator; subscription: peer-to-peer
     * network); outcome sharing, which no column maps to, sits with the connected producer (it guarantees
     * outcomes of the products it runs).
     */
    public static Architecture architectureOf(BillingModel billing) {
        return switch (Checks.present("billing", billing).kind()) {
            case PAY_PER_USE, OUTCOME_SHARING -> Architecture.CONNECTED_PRODUCER;
            case FLAT_PRICE, PERSONALISED_PRICING -> Architecture.CONNECTED_RETAILER;
            case COMMISSION -> Architecture.MARKET_MAKER;
            case THIRD_PARTY_PAYS -> Architecture.CROWD_ORCHESTRATOR;
            case SUBSCRIPTION -> Architecture.PEER_TO_PEER;
        };
    }

    /**
     * Whether two strategies are the same for the engine: equal but for their names, or one billed pay per use
     * and the other a flat price that charges every segment the same per episode (pricePerUnit x usagePerEpisode
     * = price, to a relative 1e-12), the rest equal. With one unit per episode everywhere the connected producer's
     * pay per use at P / u is the connected retailer's flat price P.
     */
    public static boolean samePricing(Strategy a, Strategy b, ModelParameters p) {
        if (a.experience() != b.experience() || a.personalisationLevel() != b.personalisationLevel()
                || a.investment() != b.investment() || a.fixedCostPerPeriod() != b.fixedCostPerPeriod()
                || a.fulfilmentCostShare() != b.fulfilmentCostShare()) {
            return false;
        }
        if (a.billing().equals(b.billing())) {
            return true;
        }
        for (Segment s : p.segments()) {
            double pa = perEpisodeFlat(a.billing(), s);
            double pb = perEpisodeFlat(b.billing(), s);
            if (Double.isNaN(pa) || Double.isNaN(pb) || Math.abs(pa - pb) > 1e-12 * Math.max(Math.abs(pa), Math.abs(pb))) {
                return false;
            }
        }
        return true;
    }

    /** The per-episode price of a flat or pay-per-use billing for one segment, NaN for any other model. */
    private static double perEpisodeFlat(BillingModel billing, Segment s) {
        if (billing instanceof BillingModel.FlatPrice f) {
            return f.price();
        } else if (billing instanceof BillingModel.PayPerUse ppu) {
            return ppu.pricePerUnit() * s.usagePerEpisode();
        }
        return Double.NaN;
    }

    /** The billing model's terms in a few words, e.g. "subscription 212.50 per period" (amounts in the scenario's currency). */
    public static String terms(BillingModel billing) {
        if (billing instanceof BillingModel.FlatPrice f) {
            return String.format(Locale.ROOT, "flat price %.2f per episode", f.price());
        } else if (billing instanceof BillingModel.PersonalisedPricing pp) {
            return String.format(Locale.ROOT, "personalised pricing from %.2f per episode (%s, slope %.2f, cap %.2f)", pp.basePrice(),
                    pp.indicator().id(), pp.slope(), pp.fairnessCap());
        } else if (billing instanceof BillingModel.PayPerUse ppu) {
            return String.format(Locale.ROOT, "pay per use %.2f per unit", ppu.pricePerUnit());
        } else if (billing instanceof BillingModel.Subscription s) {
            return s.pricePerUnit() > 0
                    ? String.format(Locale.ROOT, "subscription %.2f per period + %.2f per unit used", s.feePerPeriod(), s.pricePerUnit())
                    : String.format(Locale.ROOT, "subscription %.2f per period", s.feePerPeriod());
        } else if (billing instanceof BillingModel.Commission c) {
            return String.format(Locale.ROOT, "commission %.0f%% of %.2f", 100 * c.rate(), c.transactionValue());
        } else if (billing instanceof BillingModel.OutcomeSharing o) {
            return String.format(Locale.ROOT, "outcome sharing %.0f%% of value + %.2f per episode", 100 * o.share(), o.feePerEpisode());
        } else if (billing instanceof BillingModel.ThirdPartyPays t) {
            return String.format(Locale.ROOT, "third parties pay %.2f per episode + %.2f per active period", t.perEpisode(), t.perActiveCustomer());
        }
        throw new IllegalArgumentException("billing: unsupported, was " + billing);
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
            return s.pricePerUnit() * mean(p, Segment::usagePerEpisode) + (rate > 0 ? s.feePerPeriod() / rate : s.feePerPeriod());
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
