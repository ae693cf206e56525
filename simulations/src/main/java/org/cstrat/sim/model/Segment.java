package org.cstrat.sim.model;

/** A group of similar customers. Every customer of a segment draws her own consent and WTP. */
public record Segment(
        @Param(value = "segment name, unique within a scenario", required = true)
        String name,
        @Param(value = "customers at the start of the horizon (existing base, no acquisition cost)", unit = "customers", min = 0, max = 10_000_000)
        int initialCustomers,
        @Param(value = "customers acquired at the start of each later period", unit = "customers/period", min = 0, max = 1_000_000)
        int newCustomersPerPeriod,
        @Param(value = "mean need episodes per customer per period; the count is floor(rate) plus one with probability frac(rate)", unit = "episodes/period", min = 0, max = 100)
        double episodeRate,
        @Param(value = "mean base willingness to pay w_i for one episode, the WTP at fit = fitBase; the effective WTP is w_i (1 + fitPremium (fit - fitBase))", unit = "currency/episode", min = 1.0E-9)
        double willingnessToPay,
        @Param(value = "spread of individual WTP: wtp_i = WTP (1 + spread (2U - 1))", unit = "share", min = 0, max = 0.99)
        double wtpSpread,
        @Param(value = "slope of the logistic acceptance in the relative surplus (w_eff - price) / w_i: effective WTP less the price she weighs, over her base WTP", unit = "logit per unit of relative surplus", min = 0, max = 100)
        double priceSensitivity,
        @Param(value = "probability that a customer consents to share data for a non-intrusive experience", unit = "probability", min = 0, max = 1)
        double dataSharing,
        @Param(value = "how much consent falls with an intrusive experience", unit = "share", min = 0, max = 1)
        double privacySensitivity,
        @Param(value = "probability that a need the customer has to raise herself is brought to this firm", unit = "probability", min = 0, max = 1)
        double selfInitiation,
        @Param(value = "churn probability per period at zero trust in a period with no declined, bad or unrecognised episode", unit = "probability/period", min = 0, max = 1)
        double baseChurn,
        @Param(value = "trust of a newly arrived customer", unit = "trust in [0,1]", min = 0, max = 1)
        double initialTrust,
        @Param(value = "preference for each experience, 0.5 neutral", unit = "share", min = 0, max = 1)
        ExperienceValues preference,
        @Param(value = "value or savings created for the customer by a good episode (basis of outcome sharing)", unit = "currency/episode", min = 0)
        double valuePerEpisode,
        @Param(value = "units of use per episode (basis of pay-per-use)", unit = "units/episode", min = 1.0E-9)
        double usagePerEpisode,
        @Param(value = "risk score, 1 = average (basis of risk-indicator pricing)", unit = "score", min = 0, max = 100)
        double riskScore,
        @Param(value = "share of the segment's episodes at peak time (basis of time-indicator pricing)", unit = "share", min = 0, max = 1)
        double peakShare,
        @Param(value = "cost of acquiring one customer arriving after t = 0, paid when she arrives (divided by (1 + r)^t for an arrival in period t); the initial customers cost nothing", unit = "currency/customer", min = 0)
        double acquisitionCost) {

    public Segment {
        Checks.name("segment.name", name);
        String f = "segments[" + name + "].";
        Checks.intRange(f + "initialCustomers", initialCustomers, 0, 10_000_000);
        Checks.intRange(f + "newCustomersPerPeriod", newCustomersPerPeriod, 0, 1_000_000);
        Checks.range(f + "episodeRate", episodeRate, 0, 100);
        Checks.range(f + "willingnessToPay", willingnessToPay, 1.0E-9, Double.MAX_VALUE);
        Checks.range(f + "wtpSpread", wtpSpread, 0, 0.99);
        Checks.range(f + "priceSensitivity", priceSensitivity, 0, 100);
        Checks.probability(f + "dataSharing", dataSharing);
        Checks.probability(f + "privacySensitivity", privacySensitivity);
        Checks.probability(f + "selfInitiation", selfInitiation);
        Checks.probability(f + "baseChurn", baseChurn);
        Checks.probability(f + "initialTrust", initialTrust);
        Checks.present(f + "preference", preference).check(f + "preference", 0, 1);
        Checks.nonNegative(f + "valuePerEpisode", valuePerEpisode);
        Checks.range(f + "usagePerEpisode", usagePerEpisode, 1.0E-9, Double.MAX_VALUE);
        Checks.range(f + "riskScore", riskScore, 0, 100);
        Checks.probability(f + "peakShare", peakShare);
        Checks.nonNegative(f + "acquisitionCost", acquisitionCost);
    }

    /** A neutral segment of 1,000 customers; scenario files override what they know. */
    public static Segment defaults(String name) {
        return new Segment(name, 1000, 0, 1.0, 10.0, 0.3, 4.0, 0.7, 0.5, 0.8, 0.015, 0.3,
                ExperienceValues.of(0.5, 0.5, 0.5, 0.5), 20.0, 1.0, 1.0, 0.5, 30.0);
    }

    /** Customers that enter the horizon: the initial base plus arrivals in periods 1 .. periods-1. */
    public long customersOver(int periods) {
        return initialCustomers + (long) newCustomersPerPeriod * Math.max(0, periods - 1);
    }
}
