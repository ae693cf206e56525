package org.cstrat.sim.model;

/** The firm's cost structure. Acquisition costs are per segment ({@link Segment#acquisitionCost()}). */
public record Costs(
        @Param(value = "cost of fulfilling one served episode before experience and knowledge effects", unit = "currency/episode", min = 0)
        double perEpisode,
        @Param(value = "multiplier of the per-episode cost by delivered experience (planned, pre-empted fulfilment is cheaper); an unrecognised episode is costed at respondToDesire's factor with k = 0", unit = "factor", min = 0, max = 10)
        ExperienceValues experienceCostFactor,
        @Param(value = "share of the per-episode cost of a recognised episode saved at complete knowledge of the customer (k = 1): cost x (1 - knowledgeCostReduction k)", unit = "share", min = 0, max = 1)
        double knowledgeCostReduction,
        @Param(value = "STAR stack cost per connected (consenting) active customer per period", unit = "currency/customer/period", min = 0)
        double connectedPerCustomerPeriod,
        @Param(value = "personalisation cost per connected active customer per period, by level", unit = "currency/customer/period", min = 0, max = 1.0E9)
        LevelValues levelPerCustomerPeriod) {

    public Costs {
        Checks.nonNegative("costs.perEpisode", perEpisode);
        Checks.present("costs.experienceCostFactor", experienceCostFactor).check("costs.experienceCostFactor", 0, 10);
        Checks.probability("costs.knowledgeCostReduction", knowledgeCostReduction);
        Checks.nonNegative("costs.connectedPerCustomerPeriod", connectedPerCustomerPeriod);
        Checks.present("costs.levelPerCustomerPeriod", levelPerCustomerPeriod).check("costs.levelPerCustomerPeriod", 0, 1.0E9);
    }

    public static Costs defaults() {
        return new Costs(4.0, ExperienceValues.of(1.0, 0.95, 0.9, 0.8), 0.15, 0.5, LevelValues.of(0.0, 0.2, 0.4, 0.7));
    }
}
