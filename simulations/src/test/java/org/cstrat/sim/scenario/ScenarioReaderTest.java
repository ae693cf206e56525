package org.cstrat.sim.scenario;

import org.cstrat.input.FieldError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cstrat.framework.Experience;
import org.cstrat.framework.PersonalisationLevel;
import org.cstrat.sim.Fixtures;
import org.cstrat.sim.model.BillingModel;
import org.cstrat.sim.model.ModelParameters;
import org.cstrat.sim.model.Scenario;
import org.cstrat.sim.model.UncertainParameter;
import org.cstrat.sim.report.JsonOutput;
import org.junit.jupiter.api.Test;

class ScenarioReaderTest {
    private static final ScenarioReader READER = new ScenarioReader();

    private static final String GOOD = """
            {
              "name": "t",
              "parameters": {
                "periods": 12,
                "segments": [ { "name": "s1", "initialCustomers": 100, "baseChurn": 0.02 } ]
              },
              "strategies": [
                { "name": "a", "experience": "curated_offering", "personalisationLevel": 2,
                  "billing": { "model": "personalised_pricing", "basePrice": 9, "indicator": "loyalty" } }
              ],
              "uncertainty": [ { "parameter": "segments[s1].baseChurn", "distribution": "uniform", "low": 0.01, "high": 0.03 } ],
              "run": { "replications": 50, "seed": 3 }
            }
            """;

    private static ScenarioException refused(String json) {
        return assertThrows(ScenarioException.class, () -> READER.parse(json, "test.json").resolve());
    }

    private static FieldError only(ScenarioException e, String path) {
        assertEquals(1, e.errors().size(), e.getMessage());
        FieldError err = e.errors().get(0);
        assertEquals(path, err.field(), e.getMessage());
        return err;
    }

    @Test
    void readsAGoodScenarioWithDefaultsForWhatItLeavesOut() {
        Scenario s = READER.parse(GOOD, "good.json").resolve();
        assertEquals(12, s.parameters().periods());
        assertEquals(100, s.parameters().segments().get(0).initialCustomers());
        assertEquals(0.02, s.parameters().segments().get(0).baseChurn());
        assertEquals(ModelParameters.defaults().behaviour(), s.parameters().behaviour());
        BillingModel.PersonalisedPricing p = (BillingModel.PersonalisedPricing) s.strategies().get(0).billing();
        assertEquals(1.5, p.fairnessCap());
        assertEquals(PersonalisationLevel.PAST_INTERACTIONS, s.strategies().get(0).personalisationLevel());
        assertEquals(0.02, s.uncertainty().get(0).mode(), 1e-12);
        assertEquals(50, s.run().replications());
    }

    @Test
    void unknownFieldIsNamedByPath() {
        FieldError e = only(refused(GOOD.replace("\"baseChurn\": 0.02", "\"baseChurn\": 0.02, \"churnn\": 1")),
                "$.parameters.segments[0].churnn");
        assertEquals("1", e.value());
        assertTrue(e.message().contains("unknown field"));
    }

    @Test
    void wrongTypeIsNamedByPath() {
        FieldError e = only(refused(GOOD.replace("\"periods\": 12", "\"periods\": \"twelve\"")), "$.parameters.periods");
        assertEquals("\"twelve\"", e.value());
        assertTrue(e.message().contains("integer"));
    }

    @Test
    void probabilityOutsideTheUnitIntervalIsNamedByPath() {
        FieldError e = only(refused(GOOD.replace("\"baseChurn\": 0.02", "\"baseChurn\": 1.5")), "$.parameters.segments[0].baseChurn");
        assertEquals("1.5", e.value());
        assertEquals("must be a probability in [0, 1]", e.message());
    }

    @Test
    void negativeCountIsNamedByPath() {
        FieldError e = only(refused(GOOD.replace("\"initialCustomers\": 100", "\"initialCustomers\": -5")),
                "$.parameters.segments[0].initialCustomers");
        assertEquals("-5", e.value());
        assertTrue(e.message().contains("non-negative count"), e.message());
    }

    @Test
    void everyErrorIsListedNotJustTheFirst() {
        String bad = GOOD.replace("\"baseChurn\": 0.02", "\"baseChurn\": -1")
                .replace("\"curated_offering\"", "\"curated\"")
                .replace("\"personalisationLevel\": 2", "\"personalisationLevel\": 7")
                .replace("\"seed\": 3", "\"seed\": 3, \"speed\": 9")
                .replace("\"indicator\": \"loyalty\"", "\"indicator\": \"loyalty\", \"fairnessCap\": 0.5");
        ScenarioException e = refused(bad);
        List<String> paths = e.errors().stream().map(FieldError::field).toList();
        assertTrue(paths.containsAll(List.of("$.parameters.segments[0].baseChurn", "$.strategies[0].experience",
                "$.strategies[0].personalisationLevel", "$.run.speed", "$.strategies[0].billing.fairnessCap")), paths.toString());
        assertTrue(e.getMessage().contains("test.json"));
    }

    @Test
    void missingRequiredFieldsAndUnknownBillingModel() {
        ScenarioException e = refused("""
                { "parameters": { "segments": [ {} ] },
                  "strategies": [ { "name": "a", "experience": "coach_behavior", "personalisationLevel": 1,
                                    "billing": { "model": "barter" } } ] }
                """);
        List<String> paths = e.errors().stream().map(FieldError::field).toList();
        assertTrue(paths.containsAll(List.of("$.name", "$.strategies[0].billing.model", "$.parameters.segments[0].name")), paths.toString());
    }

    @Test
    void unknownUncertaintyPathAndInvalidJsonAreRefused() {
        ScenarioException e = refused(GOOD.replace("segments[s1].baseChurn", "segments[s2].baseChurn"));
        assertEquals("$.uncertainty[0]", e.errors().get(0).field());
        ScenarioException syntax = assertThrows(ScenarioException.class, () -> READER.parse("{ \"name\": ", "broken.json"));
        assertTrue(syntax.getMessage().contains("not valid JSON"));
        ScenarioException dup = assertThrows(ScenarioException.class, () -> READER.parse("{\"name\":\"a\",\"name\":\"b\"}", "dup.json"));
        assertTrue(dup.getMessage().contains("name"));
    }

    @Test
    void firmScenarioCarriesOverridesThatMergeOntoTheGraphsParameters() {
        ScenarioDocument doc = READER.parse("""
                { "name": "zip", "firm": "zipcar",
                  "parameters": { "discountRate": 0.01, "star": { "react": 0.9 },
                                  "segments": [ { "name": "b", "willingnessToPay": 20 }, { "name": "new", "initialCustomers": 5 } ] },
                  "strategies": [ { "name": "x", "experience": "respond_to_desire", "personalisationLevel": 1,
                                    "billing": { "model": "flat_price", "price": 10 } } ] }
                """, "zip.json");
        assertEquals("zipcar", doc.firm());
        ScenarioException notSelfContained = assertThrows(ScenarioException.class, doc::resolve);
        assertEquals("$.firm", notSelfContained.errors().get(0).field());
        ModelParameters base = Fixtures.small();
        Scenario s = doc.resolve(base);
        assertEquals(0.01, s.parameters().discountRate());
        assertEquals(0.9, s.parameters().star().react());
        assertEquals(base.star().sense(), s.parameters().star().sense());
        assertEquals(List.of("a", "b", "new"), s.parameters().segments().stream().map(g -> g.name()).toList());
        assertEquals(base.segments().get(0), s.parameters().segments().get(0));
        assertEquals(20.0, s.parameters().segments().get(1).willingnessToPay());
        assertEquals(base.segments().get(1).episodeRate(), s.parameters().segments().get(1).episodeRate());
        assertEquals(5, s.parameters().segments().get(2).initialCustomers());
        assertEquals("zipcar", s.firm());
    }

    @Test
    void writtenScenarioReadsBackEqual() {
        Scenario s = Fixtures.smallScenario(30, 4).withUncertainty(List.of(
                new UncertainParameter("costs.perEpisode", UncertainParameter.Shape.TRIANGULAR, 3, 4, 6)));
        Scenario back = READER.parse(JsonOutput.scenarioToJson(s), "written.json").resolve();
        assertEquals(s, back);
        assertEquals(Experience.AUTOMATIC_EXECUTION, back.strategies().get(2).experience());
    }

    @Test
    void shippedSchemaIsUpToDate() throws Exception {
        String shipped = Files.readString(Path.of("scenarios/scenario.schema.json"));
        assertEquals(SchemaWriter.schema(), shipped,
                "regenerate with: java -cp ... org.cstrat.sim.scenario.SchemaWriter simulations/scenarios/scenario.schema.json");
    }

    @Test
    void theCurrencyIsAnIso4217CodeDefaultingToUsdAndEveryOutputCarriesIt() {
        assertEquals("USD", READER.parse(GOOD, "good.json").resolve().currency());
        Scenario eur = READER.parse(GOOD.replace("\"name\": \"t\",", "\"name\": \"t\", \"currency\": \"EUR\","), "eur.json").resolve();
        assertEquals("EUR", eur.currency());
        for (String bad : new String[] {"\"EURO\"", "\"eur\"", "\"XYZ\"", "12"}) {
            FieldError e = only(refused(GOOD.replace("\"name\": \"t\",", "\"name\": \"t\", \"currency\": " + bad + ",")), "$.currency");
            assertEquals(bad, e.value());
        }
        assertThrows(IllegalArgumentException.class, () -> eur.withCurrency("ABC"));
        // the result, its JSON, CSV and table carry it
        var result = new org.cstrat.sim.engine.SimulationEngine(1).run(eur.withRun(eur.run().withReplications(5)));
        assertEquals("EUR", result.currency());
        assertTrue(org.cstrat.sim.report.JsonOutput.toJson(result).contains("\"currency\" : \"EUR\"")
                || org.cstrat.sim.report.JsonOutput.toJson(result).contains("\"currency\":\"EUR\""));
        assertTrue(org.cstrat.sim.report.JsonOutput.scenarioToJson(eur).contains("EUR"));
        String csv = org.cstrat.sim.report.CsvOutput.toCsv(result);
        assertTrue(csv.lines().findFirst().orElseThrow().endsWith(",currency"));
        assertTrue(csv.lines().filter(l -> l.startsWith("summary,a,npv,")).allMatch(l -> l.endsWith(",EUR")), csv);
        assertTrue(csv.lines().filter(l -> l.startsWith("share,")).allMatch(l -> l.endsWith(",")), "shares are not money");
        String table = org.cstrat.sim.report.SummaryTable.render(result);
        assertTrue(table.contains("money in EUR") && table.contains("NPV mean (EUR)"), table);
        // and the written scenario reads back in its currency
        assertEquals(eur.withRun(eur.run()), READER.parse(org.cstrat.sim.report.JsonOutput.scenarioToJson(eur), "back.json").resolve());
    }
}
