package org.cstrat.sim.model;

import org.cstrat.framework.Experience;
import org.cstrat.framework.PersonalisationLevel;

/** A strategy choice: a connected experience, a personalisation level and a billing model. */
public record Strategy(
        @Param(value = "strategy name, unique within a scenario", required = true)
        String name,
        @Param(value = "connected customer experience offered", required = true)
        Experience experience,
        @Param(value = "personalisation level 1 to 4", required = true)
        PersonalisationLevel personalisationLevel,
        @Param(value = "how the firm bills", required = true)
        BillingModel billing,
        @Param(value = "one-off investment to set the strategy up, paid at time 0", unit = "currency", min = 0)
        double investment,
        @Param(value = "fixed cost per period of running the strategy (platform, staff)", unit = "currency/period", min = 0)
        double fixedCostPerPeriod,
        @Param(value = "share of the per-episode fulfilment cost the firm bears (below 1 when suppliers or peers fulfil)", unit = "share", min = 0, max = 1)
        double fulfilmentCostShare) {

    public Strategy {
        Checks.name("strategy.name", name);
        Checks.present("strategies[" + name + "].experience", experience);
        Checks.present("strategies[" + name + "].personalisationLevel", personalisationLevel);
        Checks.present("strategies[" + name + "].billing", billing);
        Checks.nonNegative("strategies[" + name + "].investment", investment);
        Checks.nonNegative("strategies[" + name + "].fixedCostPerPeriod", fixedCostPerPeriod);
        Checks.probability("strategies[" + name + "].fulfilmentCostShare", fulfilmentCostShare);
    }

    /** A strategy without investment or fixed cost that bears the full fulfilment cost. */
    public static Strategy of(String name, Experience experience, PersonalisationLevel level, BillingModel billing) {
        return new Strategy(name, experience, level, billing, 0.0, 0.0, 1.0);
    }

    public Strategy withName(String newName) {
        return new Strategy(newName, experience, personalisationLevel, billing, investment, fixedCostPerPeriod, fulfilmentCostShare);
    }

    public Strategy withBilling(BillingModel newBilling) {
        return new Strategy(name, experience, personalisationLevel, newBilling, investment, fixedCostPerPeriod, fulfilmentCostShare);
    }

    public Strategy withExperience(Experience newExperience) {
        return new Strategy(name, newExperience, personalisationLevel, billing, investment, fixedCostPerPeriod, fulfilmentCostShare);
    }

    public Strategy withFulfilmentCostShare(double share) {
        return new Strategy(name, experience, personalisationLevel, billing, investment, fixedCostPerPeriod, share);
    }
}
