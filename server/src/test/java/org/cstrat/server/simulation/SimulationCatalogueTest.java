package org.cstrat.server.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cstrat.framework.Architecture;
import org.cstrat.framework.Experience;
import org.cstrat.framework.RevenueModelKind;
import org.cstrat.sim.model.Scenario;
import org.cstrat.sim.model.Segment;
import org.cstrat.sim.scenario.ScenarioJson;
import org.junit.jupiter.api.Test;

/** The catalogue the simulation form is built from agrees with the scenario reader, so the browser's choices always run. */
class SimulationCatalogueTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final SimulationCatalogue catalogue = SimulationCatalogue.INSTANCE;

    @Test
    void listsEveryBillingModelExperienceAndArchitectureInOrder() {
        assertThat(catalogue.billingModels()).extracting(SimulationCatalogue.BillingModel::id)
                .containsExactlyElementsOf(Arrays.stream(RevenueModelKind.values()).map(RevenueModelKind::id).toList());
        assertThat(catalogue.experiences()).extracting(SimulationCatalogue.Item::id)
                .containsExactly("respond_to_desire", "curated_offering", "coach_behavior", "automatic_execution");
        assertThat(catalogue.architectures()).extracting(SimulationCatalogue.Item::id)
                .containsExactlyElementsOf(Arrays.stream(Architecture.values()).map(Architecture::id).toList());
        assertThat(catalogue.experiences()).extracting(SimulationCatalogue.Item::label)
                .containsExactlyElementsOf(Arrays.stream(Experience.values()).map(Experience::label).toList());
    }

    @Test
    void everyModelWithTheFormsFirstValuesIsAValidScenario() {
        for (SimulationCatalogue.BillingModel model : catalogue.billingModels()) {
            ObjectNode billing = JSON.createObjectNode().put("model", model.id());
            model.fields().forEach(f -> billing.set(f.name(), JSON.valueToTree(f.value())));
            Scenario scenario;
            try {
                scenario = resolve(billing);
            } catch (ScenarioInputException e) {
                throw new AssertionError(model.id() + ": " + e.errors(), e);
            }
            assertThat(scenario.strategies().get(0).billing().kind().id()).as(model.id()).isEqualTo(model.id());
        }
    }

    @Test
    void theCheckAboveWouldCatchAFieldTheModelDoesNotHave() {
        ObjectNode billing = JSON.createObjectNode().put("model", "flat_price").put("price", 12).put("pricePerEpisode", 3);
        assertThatThrownBy(() -> resolve(billing)).isInstanceOfSatisfying(ScenarioInputException.class,
                e -> assertThat(e.errors().toString()).contains("pricePerEpisode"));
    }

    @Test
    void aChoiceStartsOnOneOfItsOptions() {
        SimulationCatalogue.Field indicator = catalogue.billingModels().stream()
                .filter(m -> m.id().equals("personalised_pricing")).findFirst().orElseThrow()
                .fields().stream().filter(f -> f.name().equals("indicator")).findFirst().orElseThrow();
        assertThat(indicator.options()).containsExactly("quantity", "loyalty", "time", "risk");
        assertThat(indicator.options()).contains((String) indicator.value());
        assertThatThrownBy(() -> new SimulationCatalogue.Field("indicator", "Indicator", "sometimes", List.of("quantity")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sometimes");
    }

    private static Scenario resolve(ObjectNode billing) {
        ObjectNode doc = JSON.createObjectNode().put("name", "catalogue check");
        ObjectNode strategy = doc.putArray("strategies").addObject()
                .put("name", "s").put("experience", "coach_behavior").put("personalisationLevel", 2);
        strategy.set("billing", billing);
        doc.putObject("parameters").putArray("segments").add(ScenarioJson.mapper().valueToTree(Segment.defaults("everyone")));
        Scenarios scenarios = new Scenarios();
        return scenarios.resolve(scenarios.parse(doc.toString(), "catalogue"), "catalogue", Optional.empty());
    }
}
