package org.cstrat.server.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.cstrat.server.testing.EmbeddedNeo4j;
import org.cstrat.sim.engine.SimulationEngine;
import org.cstrat.sim.model.Scenario;
import org.cstrat.sim.model.Segment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.driver.Driver;

/** A scenario that names a firm is calibrated from that firm's data in the graph; the file only overrides. */
@ExtendWith(EmbeddedNeo4j.class)
class FirmScenarioIT {

    static final String ZIPCAR = """
            {"name": "zipcar-curated", "firm": "zipcar",
             "parameters": {"periods": 12, "segments": [{"name": "daily_commuter", "newCustomersPerPeriod": 3}]},
             "strategies": [{"name": "respond", "experience": "respond_to_desire", "personalisationLevel": 1,
                             "billing": {"model": "flat_price", "price": 12}},
                            {"name": "curated", "experience": "curated_offering", "personalisationLevel": 2,
                             "billing": {"model": "flat_price", "price": 12}}],
             "run": {"replications": 20, "seed": 3}}
            """;

    @Test
    void segmentsComeFromTheGraphAndTheFileOverrides(Driver driver) {
        Scenarios scenarios = new Scenarios();
        Scenario scenario = scenarios.resolve(scenarios.parse(ZIPCAR, "zipcar.json"), "zipcar.json",
                Optional.of(new Neo4jFirmCalibration(driver)));
        var data = new Neo4jFirmCalibration(driver).dataFor("zipcar").orElseThrow();
        assertThat(scenario.parameters().segments()).extracting(Segment::name)
                .containsExactlyInAnyOrderElementsOf(data.segments().stream().map(CalibrationData.SegmentData::name).toList());
        Segment commuters = scenario.parameters().segments().stream().filter(s -> s.name().equals("daily_commuter")).findFirst().orElseThrow();
        var observed = data.segments().stream().filter(s -> s.name().equals("daily_commuter")).findFirst().orElseThrow();
        assertThat(commuters.initialCustomers()).isEqualTo(observed.customers());
        assertThat(commuters.newCustomersPerPeriod()).as("the file's override").isEqualTo(3);
        assertThat(commuters.willingnessToPay()).isCloseTo(observed.meanSpend() * Calibration.WTP_OVER_PRICE, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(scenario.parameters().periods()).isEqualTo(12);
        assertThat(new SimulationEngine(2).run(scenario).strategies()).hasSize(2);
    }

    @Test
    void anUnknownFirmIsAnErrorAtItsPath(Driver driver) {
        Scenarios scenarios = new Scenarios();
        var doc = scenarios.parse(ZIPCAR.replace("\"zipcar\"", "\"atlantis-cars\""), "x.json");
        assertThatThrownBy(() -> scenarios.resolve(doc, "x.json", Optional.of(new Neo4jFirmCalibration(driver))))
                .isInstanceOfSatisfying(ScenarioInputException.class, e ->
                        assertThat(e.errors()).singleElement().satisfies(err -> {
                            assertThat(err.field()).isEqualTo("$.firm");
                            assertThat(err.value()).contains("atlantis-cars");
                        }));
    }
}
