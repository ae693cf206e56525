package org.cstrat.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cstrat.sim.engine.PairwiseComparison;
import org.cstrat.sim.engine.SimulationEngine;
import org.cstrat.sim.engine.SimulationResult;
import org.cstrat.sim.engine.StrategyResult;
import org.cstrat.sim.model.Scenario;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped scenario runs with its own seed and replications and must agree with the expected
 * summary beside it. Tolerances come from the standard errors: a mean may move by 4 standard
 * errors of the difference of two such estimates, a standard deviation by 4 / sqrt(2 (n - 1)) of
 * itself, a probability by 4 sqrt(p (1 - p) / n) + 1 / n. Same code and seed reproduce the file
 * exactly; the tolerances let the model be refactored without re-blessing the files for noise.
 * Regenerate with {@code -Dcstrat.updateGolden=true}.
 */
class GoldenScenarioTest {
    private static final Path DIR = Path.of("scenarios");
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Path> scenarios() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            List<Path> list = files.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".expected.json")
                    && !p.toString().endsWith(".schema.json")).sorted().toList();
            assertTrue(list.size() >= 3, "shipped scenarios");
            return list.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void shippedScenarioMatchesItsExpectedSummary(Path file) throws IOException {
        Scenario scenario = new ScenarioReader().readSelfContained(file);
        SimulationResult r = new SimulationEngine(2).run(scenario);
        Path expectedFile = DIR.resolve(file.getFileName().toString().replace(".json", ".expected.json"));
        if (Boolean.getBoolean("cstrat.updateGolden")) {
            Files.writeString(expectedFile, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(summary(r)) + "\n");
        }
        JsonNode expected = JSON.readTree(expectedFile.toFile());
        assertEquals(expected.get("scenario").asText(), r.scenario());
        assertEquals(expected.get("seed").asLong(), r.seed());
        int n = r.replications();
        assertEquals(expected.get("replications").asInt(), n);
        List<String> failures = new ArrayList<>();
        for (JsonNode e : expected.get("strategies")) {
            StrategyResult s = r.strategy(e.get("name").asText());
            mean(failures, s.name() + " npv", e, "npv", s.npv().mean(), s.npv().standardError());
            mean(failures, s.name() + " revenue", e, "revenue", s.revenue().mean(), s.revenue().standardError());
            mean(failures, s.name() + " activeAtEnd", e, "activeAtEnd", s.activeAtEnd().mean(), s.activeAtEnd().standardError());
            double sd = e.get("npvSd").asDouble();
            check(failures, s.name() + " npv sd", sd, s.npv().sd(), 4 * sd / Math.sqrt(2.0 * (n - 1)) + 1e-9);
            probability(failures, s.name() + " P(NPV<0)", e.get("probabilityNpvNegative").asDouble(), s.npv().probabilityNegative(), n);
        }
        for (JsonNode e : expected.get("comparisons")) {
            PairwiseComparison c = r.comparison(e.get("a").asText(), e.get("b").asText());
            mean(failures, c.a() + " - " + c.b(), e, "difference", c.difference().mean(), c.difference().standardError());
            probability(failures, "P(" + c.a() + " beats " + c.b() + ")", e.get("probabilityABeatsB").asDouble(), c.probabilityABeatsB(), n);
        }
        assertTrue(failures.isEmpty(), file + ":\n" + String.join("\n", failures));
    }

    private static void mean(List<String> failures, String what, JsonNode e, String key, double observed, double se) {
        double expected = e.get(key + "Mean").asDouble();
        double expectedSe = e.get(key + "StandardError").asDouble();
        check(failures, what, expected, observed, 4 * Math.hypot(se, expectedSe) + 1e-9 * Math.abs(expected));
    }

    private static void probability(List<String> failures, String what, double expected, double observed, int n) {
        check(failures, what, expected, observed, 4 * Math.sqrt(expected * (1 - expected) / n) + 1.0 / n);
    }

    private static void check(List<String> failures, String what, double expected, double observed, double tolerance) {
        if (!(Math.abs(observed - expected) <= tolerance)) {
            failures.add(String.format("%s: expected %.6g +/- %.3g, was %.6g", what, expected, tolerance, observed));
        }
    }

    private static ObjectNode summary(SimulationResult r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("scenario", r.scenario());
        root.put("seed", r.seed());
        root.put("replications", r.replications());
        root.put("engineVersion", r.engineVersion());
        ArrayNode strategies = root.putArray("strategies");
        for (StrategyResult s : r.strategies()) {
            ObjectNode o = strategies.addObject();
            o.put("name", s.name());
            o.put("npvMean", s.npv().mean());
            o.put("npvStandardError", s.npv().standardError());
            o.put("npvSd", s.npv().sd());
            o.put("npvP5", s.npv().p5());
            o.put("npvP50", s.npv().p50());
            o.put("npvP95", s.npv().p95());
            o.put("probabilityNpvNegative", s.npv().probabilityNegative());
            o.put("revenueMean", s.revenue().mean());
            o.put("revenueStandardError", s.revenue().standardError());
            o.put("activeAtEndMean", s.activeAtEnd().mean());
            o.put("activeAtEndStandardError", s.activeAtEnd().standardError());
        }
        ArrayNode comparisons = root.putArray("comparisons");
        for (PairwiseComparison c : r.comparisons()) {
            ObjectNode o = comparisons.addObject();
            o.put("a", c.a());
            o.put("b", c.b());
            o.put("differenceMean", c.difference().mean());
            o.put("differenceStandardError", c.difference().standardError());
            o.put("probabilityABeatsB", c.probabilityABeatsB());
        }
        return root;
    }
}
