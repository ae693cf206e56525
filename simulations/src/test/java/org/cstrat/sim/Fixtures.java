package org.cstrat.sim;

import java.util.ArrayList;
import java.util.List;
import org.cstrat.framework.Experience;
import org.cstrat.framework.PersonalisationLevel;
import org.cstrat.framework.PricingIndicator;
import org.cstrat.sim.model.Behaviour;
import org.cstrat.sim.model.BillingModel;
import org.cstrat.sim.model.ExperienceValues;
import org.cstrat.sim.model.ModelParameters;
import org.cstrat.sim.model.ParameterPaths;
import org.cstrat.sim.model.RunSettings;
import org.cstrat.sim.model.Scenario;
import org.cstrat.sim.model.Segment;
import org.cstrat.sim.model.Strategy;
import org.cstrat.sim.model.UncertainParameter;

/** Small scenarios for tests. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Segment segment(String name, int customers, int arrivals) {
        Segment d = Segment.defaults(name);
        return new Segment(name, customers, arrivals, d.episodeRate(), d.willingnessToPay(), d.wtpSpread(), d.priceSensitivity(),
                d.dataSharing(), d.privacySensitivity(), d.selfInitiation(), d.baseChurn(), d.initialTrust(),
                ExperienceValues.of(0.5, 0.6, 0.55, 0.5), d.valuePerEpisode(), d.usagePerEpisode(), d.riskScore(), d.peakShare(),
                d.acquisitionCost());
    }

    /** Two segments, 24 periods, a few hundred customers: fast but not trivial. */
    public static ModelParameters small() {
        ModelParameters d = ModelParameters.defaults();
        Segment a = segment("a", 150, 3);
        Segment b = ParameterPaths.with(ParameterPaths.with(segment("b", 100, 2), "episodeRate", 1.6), "willingnessToPay", 13.0);
        return new ModelParameters(24, d.discountRate(), d.star(), d.behaviour(), d.costs(), List.of(a, b));
    }

    public static Strategy respondFlat(double price) {
        return Strategy.of("respond-flat", Experience.RESPOND_TO_DESIRE, PersonalisationLevel.UNIFIED, new BillingModel.FlatPrice(price));
    }

    public static Strategy curated(double price) {
        return Strategy.of("curated", Experience.CURATED_OFFERING, PersonalisationLevel.PAST_INTERACTIONS, new BillingModel.FlatPrice(price));
    }

    public static Strategy automatic(double price) {
        return Strategy.of("automatic", Experience.AUTOMATIC_EXECUTION, PersonalisationLevel.TRUSTED_PARTNER,
                new BillingModel.PayPerUse(price));
    }

    public static Scenario smallScenario(int replications, long seed) {
        return Scenario.of("small", small(), List.of(respondFlat(9), curated(9), automatic(9)))
                .withRun(new RunSettings(replications, seed, 25, 0));
    }

    /** Behaviour with no churn of any kind and certain acceptance. */
    public static Behaviour noChurnCertainAcceptance() {
        Behaviour b = Behaviour.defaults();
        b = ParameterPaths.with(b, "acceptanceIntercept", 50);
        b = ParameterPaths.with(b, "churnBadEpisodes", 0);
        b = ParameterPaths.with(b, "churnUnrecognised", 0);
        return b;
    }

    private static final double[] RATES = {0, 0.6, 1, 1.3, 2, 2.5};

    /**
     * 40 strategies covering the four experiences, every billing model and pricing indicator and levels 1-4, on six
     * segments with episode rates 0, 0.6, 1, 1.3, 2 and 2.5 and parameter uncertainty (RawOutputFingerprintTest).
     */
    public static Scenario fingerprintScenario() {
        ModelParameters d = ModelParameters.defaults();
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < RATES.length; i++) {
            Segment s = ParameterPaths.with(segment("s" + i, 40, 2), "episodeRate", RATES[i]);
            s = ParameterPaths.with(s, "willingnessToPay", 8.0 + i);
            s = ParameterPaths.with(s, "riskScore", 0.7 + 0.1 * i);
            s = ParameterPaths.with(s, "peakShare", 0.3 + 0.1 * i);
            segments.add(s);
        }
        ModelParameters p = new ModelParameters(24, d.discountRate(), d.star(), d.behaviour(), d.costs(), segments);
        List<BillingModel> billings = List.of(
                new BillingModel.FlatPrice(9),
                new BillingModel.PersonalisedPricing(9, PricingIndicator.QUANTITY, 0.4, 1.5, 12),
                new BillingModel.PersonalisedPricing(9, PricingIndicator.LOYALTY, 0.3, 1.3, 12),
                new BillingModel.PersonalisedPricing(9, PricingIndicator.TIME, 0.5, 2, 12),
                new BillingModel.PersonalisedPricing(9, PricingIndicator.RISK, 0.6, 1.2, 12),
                new BillingModel.OutcomeSharing(0.2, 2),
                new BillingModel.ThirdPartyPays(0.5, 1.5),
                new BillingModel.PayPerUse(8),
                new BillingModel.Subscription(12),
                new BillingModel.Commission(10, 0.2));
        List<Strategy> strategies = new ArrayList<>();
        PersonalisationLevel[] levels = PersonalisationLevel.values();
        for (Experience e : Experience.values()) {
            for (int b = 0; b < billings.size(); b++) {
                PersonalisationLevel level = levels[(e.ordinal() + b) % levels.length];
                strategies.add(Strategy.of(e.id() + "-" + b, e, level, billings.get(b)));
            }
        }
        return Scenario.of("fingerprint", p, strategies)
                .withRun(new RunSettings(12, 4242, 100, 0))
                .withUncertainty(List.of(
                        new UncertainParameter("segments[s2].willingnessToPay", UncertainParameter.Shape.TRIANGULAR, 8, 10, 13),
                        new UncertainParameter("behaviour.trustGain", UncertainParameter.Shape.UNIFORM, 0.05, 0.1, 0.2)));
    }
}
