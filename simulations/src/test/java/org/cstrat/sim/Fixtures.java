package org.cstrat.sim;

import java.util.List;
import org.cstrat.framework.Experience;
import org.cstrat.framework.PersonalisationLevel;
import org.cstrat.sim.model.Behaviour;
import org.cstrat.sim.model.BillingModel;
import org.cstrat.sim.model.ExperienceValues;
import org.cstrat.sim.model.ModelParameters;
import org.cstrat.sim.model.ParameterPaths;
import org.cstrat.sim.model.RunSettings;
import org.cstrat.sim.model.Scenario;
import org.cstrat.sim.model.Segment;
import org.cstrat.sim.model.Strategy;

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
}
