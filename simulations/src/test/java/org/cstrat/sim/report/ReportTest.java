package org.cstrat.sim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.cstrat.sim.Fixtures;
import org.cstrat.sim.engine.SimulationEngine;
import org.cstrat.sim.engine.SimulationResult;
import org.junit.jupiter.api.Test;

class ReportTest {
    private static final SimulationResult RESULT = new SimulationEngine(2).run(Fixtures.smallScenario(30, 5));

    @Test
    void jsonCarriesEveryPartWithFrameworkIds() throws Exception {
        JsonNode root = new ObjectMapper().readTree(JsonOutput.toJson(RESULT));
        assertEquals("small", root.get("scenario").asText());
        JsonNode s = root.get("strategies").get(2);
        assertEquals("automatic_execution", s.get("experience").asText());
        assertEquals(4, s.get("personalisationLevel").asInt());
        assertEquals("pay_per_use", s.get("billing").asText());
        assertEquals(RESULT.strategies().get(2).npv().mean(), s.get("npv").get("mean").asDouble(), 0.0);
        assertEquals(24, s.get("activeCustomers").get("points").size());
        assertEquals(30, s.get("npvHistogram").get("counts").size());
        assertEquals(3, root.get("comparisons").size());
        assertEquals(3, root.get("frontier").size());
        assertTrue(s.get("priceDispersion").get("fairnessCap").isNull(), "NaN is written as null");
    }

    @Test
    void csvHasOneHeaderAndRowsForEverySection() {
        String csv = CsvOutput.toCsv(RESULT);
        List<String> lines = csv.lines().toList();
        assertEquals(CsvOutput.HEADER, lines.get(0));
        int columns = CsvOutput.HEADER.split(",", -1).length;
        assertTrue(lines.stream().allMatch(l -> l.split(",", -1).length == columns), "rectangular");
        assertEquals(3 * 24, lines.stream().filter(l -> l.startsWith("fan_active,")).count());
        assertEquals(3, lines.stream().filter(l -> l.startsWith("comparison,")).count());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("summary,curated,npv,,30,")));
    }

    @Test
    void summaryTableNamesStrategiesAndComparisons() {
        String table = SummaryTable.render(RESULT);
        assertTrue(table.contains("respond-flat") && table.contains("automatic") && table.contains("P(A beats B)"), table);
        assertTrue(table.lines().allMatch(l -> l.chars().allMatch(c -> c < 128)), "ASCII only");
    }
}
