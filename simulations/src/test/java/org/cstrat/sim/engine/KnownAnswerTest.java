package org.cstrat.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cstrat.framework.Experience;
import org.cstrat.framework.PersonalisationLevel;
import org.cstrat.sim.Fixtures;
import org.cstrat.sim.model.BillingModel;
import org.cstrat.framework.PricingIndicator;
import org.cstrat.sim.model.Behaviour;
import org.cstrat.sim.model.Costs;
import org.cstrat.sim.model.ExperienceValues;
import org.cstrat.sim.model.LevelValues;
import org.cstrat.sim.model.ModelParameters;
import org.cstrat.sim.model.ParameterPaths;
import org.cstrat.sim.model.RunSettings;
import org.cstrat.sim.model.Scenario;
import org.cstrat.sim.model.Segment;
import org.cstrat.sim.model.StarCoverage;
import org.cstrat.sim.model.Strategy;
import org.junit.jupiter.api.Test;

/** Cases with closed-form answers. */
class KnownAnswerTest {
    private static final SimulationEngine ENGINE = new SimulationEngine(2);

    /** No churn, every need captured and accepted, no consent (so no connected cost, no learning). */
    private static ModelParameters certain(int customers, int periods, double rate, double costPerEpisode) {
        Segment s = Fixtures.segment("all", customers, 0);
        s = ParameterPaths.with(s, "episodeRate", rate);
        s = ParameterPaths.with(s, "baseChurn", 0);
        s = ParameterPaths.with(s, "selfInitiation", 1);
        s = ParameterPaths.with(s, "dataSharing", 0);
        Costs c = new Costs(costPerEpisode, Costs.defaults().experienceCostFactor(), 0, 0, LevelValues.of(0, 0, 0, 0));
        ModelParameters d = ModelParameters.defaults();
        return new ModelParameters(periods, 0.01, d.star(), Fixtures.noChurnCertainAcceptance(), c, List.of(s));
    }

    private static SimulationResult run(ModelParameters p, BillingModel billing, int replications) {
        Strategy st = Strategy.of("s", Experience.RESPOND_TO_DESIRE, PersonalisationLevel.UNIFIED, billing);
        return ENGINE.run(Scenario.of("known", p, List.of(st)).withRun(new RunSettings(replications, 7, 10, 0)));
    }

    @Test
    void integerRateNoChurnCertainAcceptanceIsExact() {
        int n = 300;
        int periods = 12;
        double rate = 2;
        double price = 7.5;
        double cost = 2.0;
        StrategyResult r = run(certain(n, periods, rate, cost), new BillingModel.FlatPrice(price), 20).strategies().get(0);
        assertEquals(n * periods * rate * price, r.revenue().mean(), 0.0);
        assertEquals(0.0, r.revenue().sd(), 0.0);
        assertEquals(n, r.activeAtEnd().mean(), 0.0);
        assertEquals(1.0, r.servedShare(), 0.0);
        double npv = 0;
        for (int t = 0; t < periods; t++) {
            npv += n * rate * (price - cost) / Math.pow(1.01, t + 1);
        }
        assertEquals(npv, r.npv().mean(), 1e-9 * npv);
        assertEquals(0.0, r.npv().sd(), 1e-9 * npv);
    }

    @Test
    void fractionalRateRevenueMatchesWithinStandardError() {
        int n = 200;
        int periods = 10;
        double rate = 1.3;
        double price = 4.0;
        StrategyResult r = run(certain(n, periods, rate, 1.0), new BillingModel.FlatPrice(price), 200).strategies().get(0);
        double expected = n * periods * rate * price;
        assertTrue(r.revenue().sd() > 0, "fractional rates must vary");
        assertEquals(expected, r.revenue().mean(), 4 * r.revenue().standardError(),
                () -> "revenue " + r.revenue().mean() + " +/- " + r.revenue().standardError());
    }

    @Test
    void subscriptionAndThirdPartyRevenuePerActivePeriodAreExact() {
        int n = 100;
        int periods = 6;
        ModelParameters p = certain(n, periods, 1, 0);
        assertEquals(n * periods * 20.0, run(p, new BillingModel.Subscription(20), 5).strategies().get(0).revenue().mean(), 0.0);
        assertEquals(n * periods * (3.0 + 0.5), run(p, new BillingModel.ThirdPartyPays(3, 0.5), 5).strategies().get(0).revenue().mean(), 0.0);
        assertEquals(n * periods * 0.25 * 10.0, run(p, new BillingModel.Commission(10, 0.25), 5).strategies().get(0).revenue().mean(), 1e-9);
    }

    @Test
    void baseChurnAloneGivesGeometricSurvival() {
        int n = 2000;
        int periods = 10;
        double h = 0.05;
        Segment s = Fixtures.segment("all", n, 0);
        s = ParameterPaths.with(s, "episodeRate", 0);
        s = ParameterPaths.with(s, "baseChurn", h);
        ModelParameters d = ModelParameters.defaults();
        ModelParameters p = new ModelParameters(periods, 0, d.star(), ParameterPaths.with(d.behaviour(), "trustRetention", 0), d.costs(), List.of(s));
        StrategyResult r = run(p, new BillingModel.FlatPrice(1), 100).strategies().get(0);
        double expected = n * Math.pow(1 - h, periods);
        assertEquals(expected, r.activeAtEnd().mean(), 4 * r.activeAtEnd().standardError());
        // Fan chart of active customers: period t holds those who survived t churn draws.
        assertEquals(n * Math.pow(1 - h, 3), r.activeCustomers().points().get(3).mean(), 4 * Math.sqrt(n * 0.15 * 0.85 / 100.0));
    }

    /**
     * README, "Personalised pricing": the quantity indicator's r-bar weights each segment's episodeRate by all its
     * customers over the horizon, N + A (T - 1). Weights of N + A T, of N alone, or none would give other prices.
     */
    @Test
    void quantityPricingReferenceRateWeightsSegmentsByCustomersOverTheHorizon() {
        int periods = 6;
        Segment a = ParameterPaths.with(certain(10, periods, 1, 0).segments().get(0), "newCustomersPerPeriod", 2);
        Segment b = new Segment("b", 10, 0, 3, a.willingnessToPay(), a.wtpSpread(), a.priceSensitivity(), a.dataSharing(),
                a.privacySensitivity(), a.selfInitiation(), a.baseChurn(), a.initialTrust(), a.preference(), a.valuePerEpisode(),
                a.usagePerEpisode(), a.riskScore(), a.peakShare(), a.acquisitionCost());
        ModelParameters base = certain(10, periods, 1, 0);
        ModelParameters p = new ModelParameters(periods, base.discountRate(), base.star(), base.behaviour(), base.costs(), List.of(a, b));
        double slope = 0.3;
        double basePrice = 10;
        StrategyResult r = run(p, new BillingModel.PersonalisedPricing(basePrice, PricingIndicator.QUANTITY, slope, 100, 12), 3)
                .strategies().get(0);

        double weightA = 10 + 2 * (periods - 1);
        double weightB = 10;
        double rBar = (weightA * 1 + weightB * 3) / (weightA + weightB);   // 5/3
        double priceA = basePrice * (1 - slope * (1 / rBar - 1));           // 11.2
        double priceB = basePrice * (1 - slope * (3 / rBar - 1));           // 7.6
        assertEquals(priceA, r.segments().get(0).meanPricePerServedEpisode(), 1e-12);
        assertEquals(priceB, r.segments().get(1).meanPricePerServedEpisode(), 1e-12);
        // No churn, every episode served: a has 10 x 6 + 2 x (5 + 4 + 3 + 2 + 1) customer-periods, b 10 x 6, at 3 episodes each.
        double revenue = 90 * 1 * priceA + 60 * 3 * priceB;
        assertEquals(revenue, r.revenue().mean(), 1e-9 * revenue);
    }

    /**
     * README, "Cash flows": a served unrecognised (generic) episode costs perEpisode x fulfilmentCostShare x the
     * respond-to-desire cost factor with k = 0, whatever experience was delivered; a recognised one the delivered
     * experience's factor x (1 - knowledgeCostReduction k), k after every earlier recognised episode.
     */
    @Test
    void unrecognisedEpisodesCostRespondToDesireWithoutKnowledgeAndRecognisedOnesLearn() {
        int n = 50;
        int periods = 8;
        double perEpisode = 4;
        double share = 0.5;
        double respondFactor = 1.0;
        double curatedFactor = 0.5;
        double knowledgeReduction = 0.5;
        double connected = 0.25;
        Segment s = Fixtures.segment("all", n, 0);
        s = ParameterPaths.with(s, "baseChurn", 0);
        s = ParameterPaths.with(s, "selfInitiation", 1);
        s = ParameterPaths.with(s, "dataSharing", 1);
        s = ParameterPaths.with(s, "privacySensitivity", 0);
        s = ParameterPaths.with(s, "initialTrust", 1);
        Behaviour behaviour = ParameterPaths.with(Fixtures.noChurnCertainAcceptance(), "trustLoss", 0);   // always curated
        Costs costs = new Costs(perEpisode, ExperienceValues.of(respondFactor, curatedFactor, curatedFactor, curatedFactor),
                knowledgeReduction, connected, LevelValues.of(0, 0, 0, 0));
        Strategy curated = new Strategy("curated", Experience.CURATED_OFFERING, PersonalisationLevel.UNIFIED,
                new BillingModel.FlatPrice(5), 0, 0, share);

        ModelParameters never = new ModelParameters(periods, 0.01, new StarCoverage(0, 1, 1, 0), behaviour, costs, List.of(s));
        StrategyResult unrecognised = ENGINE.run(Scenario.of("unrecognised", never, List.of(curated))
                .withRun(new RunSettings(3, 7, 10, 0))).strategies().get(0);
        assertEquals(0.0, unrecognised.recognisedShare(), 0.0);
        assertEquals(1.0, unrecognised.servedShare(), 0.0);
        double generic = n * periods * (perEpisode * share * respondFactor + connected);
        assertEquals(generic, unrecognised.cost().mean(), 1e-9 * generic);

        ModelParameters always = new ModelParameters(periods, 0.01, new StarCoverage(1, 1, 1, 0), behaviour, costs, List.of(s));
        StrategyResult recognised = ENGINE.run(Scenario.of("recognised", always, List.of(curated))
                .withRun(new RunSettings(3, 7, 10, 0))).strategies().get(0);
        assertEquals(1.0, recognised.recognisedShare(), 0.0);
        double lambda = behaviour.learningRate() * behaviour.levelLearningMultiplier().level1();
        double perCustomer = 0;
        for (int j = 0; j < periods; j++) {
            double k = 1 - Math.pow(1 - lambda, j);
            perCustomer += perEpisode * share * curatedFactor * (1 - knowledgeReduction * k) + connected;
        }
        assertEquals(n * perCustomer, recognised.cost().mean(), 1e-9 * n * perCustomer);
    }

    /**
     * README, step 5: a bad automatically executed episode withdraws the standing authorisation with probability
     * withdrawalProbability whatever the good-outcome probability q, also when q < 0 (never good). Engine 1.1.0
     * reused the outcome uniform as (u - q) / (1 - q) without clamping q at 0, which for q < 0 is only
     * max(0, w + q (1 - w)): 0 here, where q is about -0.77. Everyone consents, is recognised, trusts fully
     * (trustLoss 0, so trust stays above the automatic threshold) and is acted on first, so every episode is
     * executed automatically until a withdrawal; learningRate 0 keeps the fit, and so q, the same for every episode.
     * One episode per period runs the single-episode loop, two the general one.
     */
    @Test
    void withdrawalAfterABadAutomaticEpisodeHasItsProbabilityWhateverTheOutcomeProbability() {
        double w = 0.3;
        for (double rate : new double[] {1, 2}) {
            for (double priceRegret : new double[] {1.5, 0}) {
                int n = 20_000;
                int replications = 5;
                Segment s = Fixtures.segment("all", n, 0);
                s = ParameterPaths.with(s, "episodeRate", rate);
                s = ParameterPaths.with(s, "baseChurn", 0);
                s = ParameterPaths.with(s, "wtpSpread", 0);
                s = ParameterPaths.with(s, "dataSharing", 1);
                s = ParameterPaths.with(s, "privacySensitivity", 0);
                s = ParameterPaths.with(s, "selfInitiation", 1);
                s = ParameterPaths.with(s, "initialTrust", 1);
                Behaviour b = Behaviour.defaults();
                b = ParameterPaths.with(b, "priceRegret", priceRegret);
                b = ParameterPaths.with(b, "withdrawalProbability", w);
                b = ParameterPaths.with(b, "trustLoss", 0);
                b = ParameterPaths.with(b, "learningRate", 0);
                double price = 2 * s.willingnessToPay();
                // q = f - priceRegret max(0, (price - w_eff) / w_i), f the recognised level-1 fit of automatic execution
                // (the fixture's preference for it is 0.5, so the preference term is 0), w_eff / w_i = 1 + fitPremium (f - fitBase).
                double fit = b.fitBase() + b.levelFitUplift().level1() + b.experienceFit().automaticExecution();
                double q = fit - priceRegret * Math.max(0, price / s.willingnessToPay() - (1 + b.fitPremium() * (fit - b.fitBase())));
                assertTrue(priceRegret == 0 ? q > 0 && q < 1 : q < -0.5, "q = " + q);
                double pGood = Math.max(0, q);

                ModelParameters d = ModelParameters.defaults();
                ModelParameters p = new ModelParameters(1, 0.01, new StarCoverage(1, 1, 1, 1), b, d.costs(), List.of(s));
                Strategy auto = Strategy.of("auto", Experience.AUTOMATIC_EXECUTION, PersonalisationLevel.UNIFIED, new BillingModel.FlatPrice(price));
                StrategyResult r = ENGINE.run(Scenario.of("withdrawal", p, List.of(auto))
                        .withRun(new RunSettings(replications, 11, 10, 0))).strategies().get(0);

                double customers = (double) n * replications;
                double served = r.servedEpisodes().mean() * replications;
                double autoExecuted = Math.rint(r.autoExecutedShare() * served);
                double withdrawals = Math.rint(r.withdrawalsPerCustomer() * customers);
                assertEquals(rate == 1 ? customers : customers * (2 - w * (1 - pGood)), autoExecuted, 6 * Math.sqrt(customers),
                        "every first episode is executed automatically, a second one unless the first withdrew");
                // Each automatic episode withdraws with probability (1 - q+) w: binomial over the automatic episodes.
                double perAuto = (1 - pGood) * w;
                double se = Math.sqrt(perAuto * (1 - perAuto) / autoExecuted) / (1 - pGood);
                double share = withdrawals / autoExecuted / (1 - pGood);
                assertEquals(w, share, 4 * se, () -> "withdrawals per bad automatic episode at rate " + rate + ", q = " + q
                        + ": " + share + " +/- " + se);
            }
        }
    }
}
