package org.cstrat.sim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.cstrat.sim.engine.CancellationToken;
import org.cstrat.sim.engine.ProgressListener;
import org.cstrat.sim.engine.SimulationEngine;
import org.cstrat.sim.model.Scenario;
import org.cstrat.sim.optimise.OptimisationResult;
import org.cstrat.sim.optimise.OptimisationSpec;
import org.cstrat.sim.optimise.Optimiser;
import org.cstrat.sim.scenario.ScenarioDocument;
import org.cstrat.sim.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

/** The optimisation's table, CSV and JSON say the same things. */
class OptimisationReportTest {

    static OptimisationResult result() {
        ScenarioDocument doc = new ScenarioReader().read(Path.of("scenarios/optimise/mobility-loyalty-pricing.json"));
        Scenario s = doc.resolve();
        OptimisationSpec spec = doc.optimisation(s).withBudget(8);
        spec = new OptimisationSpec(spec.strategy(), spec.decisions(), spec.objective(), spec.constraints(), 8, 4, 2, 8);
        return new Optimiser(new SimulationEngine(2)).run(s, spec, ProgressListener.NONE, CancellationToken.none());
    }

    @Test
    void tableCsvAndJsonAgree() throws Exception {
        OptimisationResult r = result();
        String table = OptimisationReport.render(r);
        assertTrue(table.contains("Optimisation of 'curated-loyalty' in mobility-loyalty-pricing: maximise mean NPV; money in USD"), table);
        assertTrue(table.contains("strategy.billing.basePrice") && table.contains("P(NPV < 0) <= 0.1")
                && table.contains("customers at horizon >= 940"), table);

        List<String> csv = OptimisationReport.toCsv(r).lines().toList();
        assertEquals(OptimisationReport.HEADER, csv.get(0));
        for (String line : csv) {
            assertEquals(8, line.replaceAll("\"[^\"]*\"", "q").split(",", -1).length, line);
        }
        assertTrue(csv.contains("summary,,status," + r.status().name() + ",,,,"));
        long searchRows = csv.stream().filter(l -> l.startsWith("search,") && l.contains(",objective,")).count();
        assertEquals(r.search().size(), searchRows);

        JsonNode json = new ObjectMapper().readTree(JsonOutput.toJson(r));
        assertEquals(r.best().values().get(0), json.get("best").get("values").get(0).asText());
        assertEquals("personalised_pricing", json.get("best").get("strategy").get("billing").get("model").asText());
        assertEquals(r.search().size(), json.get("search").size());
        assertEquals(3, json.get("decisions").size());
    }
}
