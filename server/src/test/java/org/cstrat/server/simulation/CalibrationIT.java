package org.cstrat.server.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cstrat.server.demo.DemoCustomerData;
import org.cstrat.server.core.NotFoundException;
import org.cstrat.server.core.UnprocessableException;
import org.cstrat.server.firm.FirmService;
import org.cstrat.server.firm.Neo4jFirmRepository;
import org.cstrat.server.testing.EmbeddedNeo4j;
import org.cstrat.server.testing.JsonSchemaCheck;
import org.cstrat.sim.engine.SimulationEngine;
import org.cstrat.sim.engine.SimulationResult;
import org.cstrat.sim.model.Scenario;
import org.cstrat.sim.model.UncertainParameter;
import org.cstrat.sim.scenario.ScenarioDocument;
import org.cstrat.sim.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;

/**
 * The demo firm with imported, segmented and valued customers calibrates to a scenario file that is valid
 * against the shipped schema, reads back as the same scenario, and runs without the graph; a scenario that
 * names the firm runs on the same parameters and uncertainty.
 */
@ExtendWith(EmbeddedNeo4j.class)
class CalibrationIT {

    static final Path SCHEMA = Path.of("..", "simulations", "scenarios", "scenario.schema.json");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    static CalibrationService service(Driver driver) {
        return new CalibrationService(new Neo4jFirmCalibration(driver), new FirmService(new Neo4jFirmRepository(driver)));
    }

    @Test
    void aValuedFirmCalibratesToASelfContainedFileThatRuns(Driver driver) throws Exception {
        String firm = DemoCustomerData.FIRM;
        CalibrationService.CalibratedScenario calibrated = service(driver).scenario(firm);
        Path file = temp.resolve(calibrated.fileName());
        Files.writeString(file, calibrated.json());

        JsonNode json = JSON.readTree(file.toFile());
        assertThat(new JsonSchemaCheck(JSON.readTree(SCHEMA.toFile())).errors(json)).isEmpty();
        assertThat(json.has("firm")).as("self-contained").isFalse();
        assertThat(json.path("description").asText()).contains("Where each number comes from", "delta method", "Poisson");

        ScenarioDocument doc = new ScenarioReader().read(file);
        assertThat(doc.selfContained()).isTrue();
        Scenario back = doc.resolve();
        assertThat(back.parameters()).isEqualTo(calibrated.scenario().parameters());
        assertThat(back.uncertainty()).isEqualTo(calibrated.scenario().uncertainty());
        assertThat(back.strategies()).isEqualTo(calibrated.scenario().strategies());
        assertThat(back.strategies().get(0).name()).startsWith("current: ");
        assertThat(back.strategies()).hasSizeGreaterThan(1).allMatch(s -> s.name().matches("(current|move): [a-z_]+/[a-z_]+"));

        // The fitted uncertainty: retention from the BG/NBD fit (with its full covariance) and spread from the
        // Gamma-Gamma fit for every segment whose customers are valued; every interval around its calibrated value.
        CalibrationData data = new Neo4jFirmCalibration(driver).dataFor(firm).orElseThrow();
        assertThat(data.value()).hasValueSatisfying(v -> assertThat(v.fullCovariance()).isTrue());
        var valued = data.segments().stream().filter(s -> s.customers() > 0 && !s.valued().isEmpty() && !Double.isNaN(s.meanPAlive())).toList();
        assertThat(valued).isNotEmpty();
        for (var s : valued) {
            assertThat(back.uncertainty()).extracting(UncertainParameter::parameter)
                    .contains("segments[" + s.name() + "].baseChurn", "segments[" + s.name() + "].wtpSpread");
        }
        for (UncertainParameter u : back.uncertainty()) {
            double value = org.cstrat.sim.model.ParameterPaths.find(back.parameters(), u.parameter()).value();
            assertThat(u.mode()).as(u.parameter()).isEqualTo(value);
            assertThat(u.low()).as(u.parameter()).isLessThan(u.high());
        }

        SimulationResult result = new SimulationEngine(2).run(back.withRun(back.run().withReplications(40)));
        assertThat(result.strategies()).hasSize(back.strategies().size());
        assertThat(result.strategies().get(0).npv().n()).isEqualTo(40);

        Scenarios scenarios = new Scenarios();
        Scenario named = scenarios.resolve(scenarios.parse("""
                {"name": "named", "firm": "%s", "strategies": [{"name": "s", "experience": "curated_offering",
                 "personalisationLevel": 2, "billing": {"model": "flat_price", "price": 12}}]}
                """.formatted(firm), "named.json"), "named.json", Optional.of(new Neo4jFirmCalibration(driver)));
        assertThat(named.parameters()).isEqualTo(back.parameters());
        assertThat(named.uncertainty()).as("one code path for files and in-server runs").isEqualTo(back.uncertainty());
    }

    @Test
    void equinoxsCurrentStrategyIsBilledByItsOwnDuesAndSessions(Driver driver) throws Exception {
        // Equinox earns by $220/month club dues and $120 personal training sessions (cypher/demo/fitness.cypher):
        // its current strategy was pay per use at a price derived from spend (42.14); now the two-part tariff.
        CalibrationData data = new Neo4jFirmCalibration(driver).dataFor("equinox").orElseThrow();
        assertThat(data.revenueModels()).extracting(CalibrationData.RevenueModelData::id).containsExactly("equinox-dues", "equinox-training");
        CalibrationService.CalibratedScenario calibrated = service(driver).scenario("equinox");
        var current = calibrated.scenario().strategies().get(0);
        assertThat(current.name()).startsWith("current: ");
        assertThat(current.billing()).isEqualTo(new org.cstrat.sim.model.BillingModel.Subscription(220.0, 120.0));
        assertThat(calibrated.scenario().description()).contains("equinox-dues (subscription 220.00 per month)",
                "equinox-training (pay_per_use 120.00 per session)");
        // the moves stay billed by their architecture (the heatmap's mapping)
        assertThat(calibrated.scenario().strategies().subList(1, calibrated.scenario().strategies().size()))
                .noneMatch(s -> s.billing().equals(current.billing()));
        // it round-trips through the file and runs
        Path file = Files.writeString(temp.resolve("equinox.json"), calibrated.json());
        Scenario back = new ScenarioReader().read(file).resolve();
        assertThat(back.strategies().get(0).billing()).isEqualTo(current.billing());
    }

    @Test
    void aFirmWithoutValuesOrUnknownSaysWhatIsMissing(Driver driver) {
        assertThatThrownBy(() -> service(driver).scenario("zipcar"))
                .isInstanceOf(UnprocessableException.class).hasMessageContaining("values are not fitted");
        assertThatThrownBy(() -> service(driver).scenario("atlantis-cars"))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("atlantis-cars");
    }
}
