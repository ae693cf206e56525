package org.cstrat.server.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.cstrat.input.FieldError;
import org.junit.jupiter.api.Test;

/** The typed simulation and optimisation requests check their shape; the stored-run views send stored JSON as it is. */
class SimulationRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSimulationRequestKeepsTheScenarioFieldsInOrderAndReadsItsAnalyses() throws Exception {
        SimulationRequest request = SimulationRequest.of(JSON.readTree("""
                {"run": {"seed": 3}, "name": "mine", "strategies": [], "analyses": {"tornado": true, "strategy": "b"}}"""));
        assertThat(request.name()).isEqualTo("mine");
        assertThat(request.scenario().toString()).isEqualTo("{\"run\":{\"seed\":3},\"strategies\":[]}");
        assertThat(request.analyses()).isEqualTo(new SimulationService.Analyses(true, false, "b"));
        assertThat(request.shapeErrors()).isEmpty();
        assertThat(request.malformed()).isFalse();
    }

    @Test
    void aSimulationRequestNamesEveryShapeErrorWithItsPath() throws Exception {
        SimulationRequest request = SimulationRequest.of(JSON.readTree("""
                {"colour": "red", "analyses": {"tornado": "yes", "heatmap": true, "colour": 1, "strategy": 4}}"""));
        assertThat(request.shapeErrors()).extracting(FieldError::field)
                .containsExactly("$.colour", "$.analyses.colour", "$.analyses.tornado", "$.analyses.strategy");
        assertThat(request.analyses()).isEqualTo(new SimulationService.Analyses(false, true, null));
        assertThat(request.name()).isNull();
        assertThat(request.malformed()).isFalse();

        assertThat(SimulationRequest.of(JSON.readTree("[1]")).malformed()).isTrue();
        assertThat(SimulationRequest.of(null).shapeErrors()).extracting(FieldError::field).containsExactly("$");
        assertThat(SimulationRequest.of(JSON.readTree("{\"analyses\": 3}")).shapeErrors()).extracting(FieldError::message)
                .containsExactly("must be an object {tornado, heatmap, strategy}");
    }

    @Test
    void anOptimisationRequestNeedsItsOptimisationAndRefusesUnknownFields() throws Exception {
        OptimisationRequest request = OptimisationRequest.of(JSON.readTree("{\"name\": \"o\", \"analyses\": {}, \"run\": {}}"));
        assertThat(request.shapeErrors()).extracting(FieldError::field).containsExactly("$.analyses", "$.optimisation");
        assertThat(request.hasOptimisation()).isFalse();
        assertThat(request.scenario().toString()).isEqualTo("{\"run\":{}}");

        OptimisationRequest good = OptimisationRequest.of(JSON.readTree("{\"optimisation\": {\"budget\": 8}}"));
        assertThat(good.shapeErrors()).isEmpty();
        assertThat(good.hasOptimisation()).isTrue();
        assertThat(OptimisationRequest.of(JSON.readTree("\"text\"")).malformed()).isTrue();
    }

    @Test
    void theRequestIsACopyTheCallerCannotChange() throws Exception {
        JsonNode body = JSON.readTree("{\"run\": {\"seed\": 3}}");
        SimulationRequest request = SimulationRequest.of(body);
        ((com.fasterxml.jackson.databind.node.ObjectNode) body.get("run")).put("seed", 4);
        request.scenario().put("extra", 1);
        assertThat(request.scenario().toString()).isEqualTo("{\"run\":{\"seed\":3}}");
    }

    @Test
    void aStoredRunIsSentWithItsJsonPartsAsTheyWereStored() throws Exception {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        StoredRun run = new StoredRun("run-1", "acme", "Acme", "n", "2026-01-01T00:00:00Z", 7, 40, "e1",
                "{\"name\":\"n\",\"run\":{\"seed\":7}}", "{\"strategies\":[{\"npv\":1.5E10}]}", null, "[1,2.25]", List.of());
        JsonNode sent = mapper.readTree(mapper.writeValueAsString(RunDocument.of(run)));
        assertThat(sent.path("scenario").path("run").path("seed").asLong()).isEqualTo(7);
        assertThat(sent.path("result").path("strategies").get(0).path("npv").asDouble()).isEqualTo(1.5e10);
        assertThat(sent.has("tornado")).isTrue();
        assertThat(sent.path("tornado").isNull()).isTrue();
        assertThat(sent.path("heatmap").toString()).isEqualTo("[1,2.25]");
        assertThat(sent.path("replications").asInt()).isEqualTo(40);
        assertThat(sent.has("strategies")).as("a run's page answer has no strategy summaries").isFalse();

        StoredOptimisation stored = new StoredOptimisation("opt-1", "acme", "Acme", "o", "2026-01-01T00:00:00Z", 1, 2, "e1", "done",
                "npv", List.of("price"), List.of("12"), 1, 0.5, 1.5, 0.9, 8, "EUR", "{\"a\":1}", "{\"b\":[true]}", null);
        JsonNode opt = mapper.readTree(mapper.writeValueAsString(OptimisationDocument.of(stored)));
        assertThat(opt.path("run").path("id").asText()).isEqualTo("opt-1");
        assertThat(opt.path("run").path("scenarioJson").isNull()).as("the headline, without its JSON parts").isTrue();
        assertThat(opt.path("scenario").path("a").asInt()).isEqualTo(1);
        assertThat(opt.path("result").path("b").get(0).asBoolean()).isTrue();
    }
}
