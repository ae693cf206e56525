package org.cstrat.sim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.cstrat.framework.Experience;
import org.cstrat.framework.PersonalisationLevel;
import org.cstrat.framework.PricingIndicator;
import org.cstrat.sim.model.BillingModel;
import org.cstrat.sim.model.Scenario;
import org.cstrat.sim.model.Strategy;
import org.cstrat.sim.model.UncertainParameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Scenarios survive the trip to the executors exactly (records compare every component, doubles by their bits). */
class ScenarioCodecTest {

    @ParameterizedTest
    @MethodSource("org.cstrat.sim.spark.SparkMatchesEngineTest#shippedScenarios")
    void shippedScenariosRoundTrip(Path file) {
        Scenario s = SparkMatchesEngineTest.read(file, 123, -5);
        assertEquals(s, ScenarioCodec.decode(ScenarioCodec.encode(s)));
    }

    @Test
    void everyBillingModelUncertaintyAndAwkwardDoublesRoundTrip() {
        Scenario base = SparkMatchesEngineTest.read(SparkMatchesEngineTest.SCENARIOS.resolve("mobility-curated.json"), 10, 1);
        List<BillingModel> billings = List.of(new BillingModel.FlatPrice(0.1 + 0.2),
                new BillingModel.PersonalisedPricing(9.99, PricingIndicator.RISK, 0.3, 1.7, 12),
                new BillingModel.OutcomeSharing(0.25, 1e-300), new BillingModel.ThirdPartyPays(0.5, Double.MIN_VALUE),
                new BillingModel.PayPerUse(3), new BillingModel.Subscription(29, 1.5), new BillingModel.Commission(100, 0.2));
        List<Strategy> strategies = new java.util.ArrayList<>();
        for (int i = 0; i < billings.size(); i++) {
            strategies.add(new Strategy("s" + i, Experience.values()[i % Experience.values().length],
                    PersonalisationLevel.values()[i % PersonalisationLevel.values().length], billings.get(i), i * 1000.5, i / 3.0, 1 - i / 10.0));
        }
        Scenario s = base.withStrategies(strategies).withCurrency("EUR").withUncertainty(List.of(
                new UncertainParameter("behaviour.fitPremium", UncertainParameter.Shape.TRIANGULAR, 0.5, 0.7, 1.1),
                new UncertainParameter("discountRate", UncertainParameter.Shape.UNIFORM, 0.001, Double.NaN, 0.02)));
        assertEquals(s, ScenarioCodec.decode(ScenarioCodec.encode(s)));
    }
}
