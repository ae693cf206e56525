package org.cstrat.sim.optimise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.cstrat.framework.Experience;
import org.cstrat.sim.model.BillingModel;
import org.cstrat.sim.model.Scenario;
import org.cstrat.sim.scenario.ScenarioDocument;
import org.cstrat.input.FieldError;
import org.cstrat.sim.scenario.ScenarioException;
import org.cstrat.sim.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

/** The scenario file's {@code optimisation} object: what it accepts, and every refusal naming its field. */
class OptimisationReaderTest {
    static final String BASE = """
            {"name": "opt", "parameters": {"segments": [{"name": "a"}, {"name": "b"}]},
             "strategies": [{"name": "flat", "experience": "curated_offering", "personalisationLevel": 2,
                             "billing": {"model": "flat_price", "price": 9}},
                            {"name": "loyal", "experience": "curated_offering", "personalisationLevel": 2,
                             "billing": {"model": "personalised_pricing", "basePrice": 10, "indicator": "loyalty", "fairnessCap": 1.4}}],
             "uncertainty": [{"parameter": "segments[a].willingnessToPay", "distribution": "uniform", "low": 8, "high": 12}]
             %s}
            """;

    static OptimisationSpec read(String optimisation) {
        ScenarioDocument doc = new ScenarioReader().parse(BASE.formatted(optimisation == null ? "" : ", \"optimisation\": " + optimisation), "opt.json");
        Scenario s = doc.resolve();
        return doc.optimisation(s);
    }

    static List<FieldError> errors(String optimisation) {
        return assertThrows(ScenarioException.class, () -> read(optimisation)).errors();
    }

    static void assertError(List<FieldError> errors, String path, String fragment) {
        assertTrue(errors.stream().anyMatch(e -> e.field().equals(path) && e.message().contains(fragment)),
                "expected " + path + ": ..." + fragment + "... in " + errors);
    }

    @Test
    void bindsDecisionsObjectiveConstraintsAndDefaults() {
        OptimisationSpec spec = read("""
                {"strategy": "loyal", "decisions": [
                   {"parameter": "strategy.billing.basePrice", "low": 6, "high": 14},
                   {"parameter": "strategy.experience", "values": ["curated_offering", "coach_behavior"]},
                   {"parameter": "strategy.personalisationLevel", "values": [2, 3]},
                   {"parameter": "parameters.costs.perEpisode", "values": [3, 4]}],
                 "objective": {"output": "npv", "statistic": "quantile", "quantile": 0.05},
                 "constraints": [{"type": "loss_probability", "max": 0.1}, {"type": "price_dispersion"},
                                 {"type": "customers_at_horizon", "min": 500}]}
                """);
        assertEquals("loyal", spec.strategy());
        assertEquals(new Decision.Continuous("strategy.billing.basePrice", 6, 14, false), spec.decisions().get(0));
        assertEquals(List.of(Experience.CURATED_OFFERING, Experience.COACH_BEHAVIOR), ((Decision.Choice) spec.decisions().get(1)).values());
        assertEquals(List.of(3.0, 4.0), ((Decision.Choice) spec.decisions().get(3)).values());
        assertEquals("P5 of NPV", spec.objective().label());
        assertEquals(1.4, spec.constraints().get(1).limit(), "price dispersion defaults to the current strategy's fairness cap");
        assertEquals(OptimisationSpec.BUDGET_DEFAULT, spec.budget());
        assertEquals(OptimisationSpec.FINAL_REPLICATIONS_DEFAULT, spec.finalReplications());

        OptimisationSpec billing = read("""
                {"decisions": [{"parameter": "strategy.billing", "values": [{"model": "flat_price", "price": 9},
                                                                          {"model": "subscription", "feePerPeriod": 20}]}]}
                """);
        assertEquals("flat", billing.strategy(), "the first strategy by default");
        assertEquals(Objective.MEAN_NPV, billing.objective());
        assertInstanceOf(BillingModel.Subscription.class, ((Decision.Choice) billing.decisions().get(0)).values().get(1));
    }

    @Test
    void aDecisionOnAParameterThatDoesNotExistNamesTheField() {
        List<FieldError> e = errors("{\"decisions\": [{\"parameter\": \"strategy.billing.basePrice\", \"low\": 1, \"high\": 2}]}");
        assertError(e, "$.optimisation.decisions[0].parameter", "no numeric parameter strategy.billing.basePrice in strategy 'flat'");
        assertError(errors("{\"decisions\": [{\"parameter\": \"parameters.segments[zz].willingnessToPay\", \"low\": 1, \"high\": 2}]}"),
                "$.optimisation.decisions[0].parameter", "no numeric parameter");
    }

    @Test
    void emptyBoundsAndEmptySetsAreRefused() {
        assertError(errors("{\"decisions\": [{\"parameter\": \"strategy.billing.price\", \"low\": 9, \"high\": 9}]}"),
                "$.optimisation.decisions[0]", "empty bounds");
        assertError(errors("{\"decisions\": [{\"parameter\": \"strategy.billing.price\", \"low\": 12, \"high\": 8}]}"),
                "$.optimisation.decisions[0]", "empty bounds");
        assertError(errors("{\"decisions\": [{\"parameter\": \"strategy.personalisationLevel\", \"values\": []}]}"),
                "$.optimisation.decisions[0].values", "empty set");
        assertError(errors("{\"decisions\": [{\"parameter\": \"strategy.billing.price\", \"low\": -1, \"high\": 8}]}"),
                "$.optimisation.decisions[0].low", "below the parameter's range");
        assertError(errors("{\"decisions\": [{\"parameter\": \"strategy.fulfilmentCostShare\", \"low\": 0.5, \"high\": 1.5}]}"),
                "$.optimisation.decisions[0].high", "above the parameter's range");
        assertError(errors("{\"decisions\": []}"), "$.optimisation.decisions", "non-empty array");
    }

    @Test
    void collectsEveryErrorWithItsPath() {
        List<FieldError> e = errors("""
                {"strategy": "nope", "budget": 1, "decisions": [],
                 "objective": {"statistic": "quantile"}, "constraints": [{"type": "ruin"}, {"type": "loss_probability", "max": 2}],
                 "colour": "red"}
                """);
        assertError(e, "$.optimisation.strategy", "no strategy of that name");
        assertError(e, "$.optimisation.budget", "must be an integer in [2,");
        assertError(e, "$.optimisation.objective.quantile", "required");
        assertError(e, "$.optimisation.constraints[0].type", "must be one of [loss_probability, price_dispersion, customers_at_horizon]");
        assertError(e, "$.optimisation.constraints[1].max", "probability");
        assertError(e, "$.optimisation.colour", "unknown field");
    }

    @Test
    void refusesValuesOfTheWrongKindConflictsAndUncertainDecisions() {
        assertError(errors("{\"decisions\": [{\"parameter\": \"strategy.experience\", \"values\": [\"curated_offering\", \"telepathy\"]}]}"),
                "$.optimisation.decisions[0].values[1]", "must be one of");
        assertError(errors("{\"decisions\": [{\"parameter\": \"strategy.experience\", \"low\": 1, \"high\": 2}]}"),
                "$.optimisation.decisions[0].values", "is a choice");
        assertError(errors("{\"decisions\": [{\"parameter\": \"parameters.segments[a].willingnessToPay\", \"low\": 8, \"high\": 12}]}"),
                "$.optimisation.decisions[0].parameter", "uncertain parameter");
        assertError(errors("""
                {"decisions": [{"parameter": "strategy.billing", "values": [{"model": "flat_price", "price": 9}]},
                               {"parameter": "strategy.billing.price", "low": 5, "high": 9}]}
                """), "$.optimisation.decisions", "refines the billing model");
        assertError(errors("{\"decisions\": [{\"parameter\": \"strategy.billing.price\", \"low\": 5, \"high\": 9}], "
                + "\"constraints\": [{\"type\": \"price_dispersion\"}]}"), "$.optimisation.constraints[0].max", "no fairness cap");
        assertError(errors("{\"decisions\": [{\"parameter\": \"strategy.billing.price\", \"low\": 5, \"high\": 9, \"values\": [5]}]}"),
                "$.optimisation.decisions[0]", "not both");
    }

    @Test
    void aScenarioWithoutAnOptimisationSaysSo() {
        assertError(errors(null), "$.optimisation", "declares no optimisation");
        assertError(assertThrows(ScenarioException.class, () -> new ScenarioReader().parse(BASE.formatted(", \"optimisation\": 3"), "x"))
                .errors(), "$.optimisation", "must be an object");
    }

    @Test
    void theShippedExampleIsValid() {
        ScenarioDocument doc = new ScenarioReader().read(Path.of("scenarios/optimise/mobility-loyalty-pricing.json"));
        OptimisationSpec spec = doc.optimisation(doc.resolve());
        assertEquals(3, spec.decisions().size());
        assertEquals(1.3, spec.constraints().get(1).limit());
    }
}
