package org.cstrat.server.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cstrat.server.Workbench;
import org.cstrat.server.testing.EmbeddedNeo4j;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Optimisations through the HTTP API: a background job, stored as an OptimisationRun linked to its best SimulatedStrategy. */
@ExtendWith(EmbeddedNeo4j.class)
class OptimisationApiIT {

    private static Workbench workbench;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String REQUEST = """
            {"name": "zipcar price",
             "strategies": [{"name": "curated", "experience": "curated_offering", "personalisationLevel": 2,
                             "billing": {"model": "flat_price", "price": 12}}],
             "parameters": {"periods": 6},
             "run": {"seed": 5},
             "optimisation": {"decisions": [{"parameter": "strategy.billing.price", "low": 6, "high": 24},
                                            {"parameter": "strategy.personalisationLevel", "values": [2, 3]}],
                              "constraints": [{"type": "loss_probability", "max": 0.5}],
                              "budget": 24, "replications": 4, "finalists": 2, "finalReplications": 10}}
            """;

    @BeforeAll
    static void connect(Workbench shared) {
        workbench = shared;
    }

    static HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(workbench.httpUrl().resolve(path)).timeout(Duration.ofSeconds(60));
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anOptimisationIsAJobThenAStoredRunLinkedToItsBestStrategyThatAnalystsCanQuery() throws Exception {
        HttpResponse<String> started = send("POST", "/api/firms/zipcar/optimisations", REQUEST);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonNode status = JSON.readTree(started.body());
        String jobId = status.path("id").asText();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!status.path("state").asText().matches("done|failed|cancelled") && System.nanoTime() < deadline) {
            Thread.sleep(200);
            status = JSON.readTree(send("GET", "/api/simulation-jobs/" + jobId, null).body());
        }
        assertThat(status.path("state").asText()).as(status.toString()).isEqualTo("done");
        String runId = status.path("runId").asText();

        JsonNode run = JSON.readTree(send("GET", "/api/optimisations/" + runId, null).body());
        assertThat(run.path("run").path("firmId").asText()).isEqualTo("zipcar");
        assertThat(run.path("run").path("status").asText()).isEqualTo("OPTIMAL");
        assertThat(run.path("result").path("decisions")).hasSize(2);
        assertThat(run.path("result").path("search").size()).isBetween(2, 24);
        assertThat(run.path("scenario").path("strategies")).hasSize(1);
        assertThat(JSON.readTree(send("GET", "/api/firms/zipcar/optimisations", null).body()).findValuesAsText("id")).contains(runId);

        var c = workbench.graph().credentials().orElseThrow();
        try (var driver = org.neo4j.driver.GraphDatabase.driver(workbench.boltUri(), org.neo4j.driver.AuthTokens.basic(c.user(), c.password()))) {
            var best = driver.executableQuery("""
                            MATCH (:Firm {id: 'zipcar'})<-[:FOR_FIRM]-(o:OptimisationRun {id: $id})-[:BEST]->(s:SimulatedStrategy)-[:IN_EXPERIENCE]->(e:Experience)
                            RETURN s.name AS name, s.npvMean AS npv, e.id AS experience, o.bestValues AS values""")
                    .withParameters(Map.of("id", runId)).execute().records();
            assertThat(best).singleElement().satisfies(r -> {
                assertThat(r.get("experience").asString()).isEqualTo("curated_offering");
                assertThat(r.get("values").asList()).hasSize(2);
                assertThat(r.get("npv").asDouble()).isEqualTo(run.path("result").path("best").path("meanNpv").asDouble());
            });
            String library = Files.readString(Path.of("..", "cypher", "queries", "analyst", "optimisation_runs.cypher"))
                    .replaceAll("(?m)^//.*$", "").replaceAll("(?m)^:param.*$", "").trim().replaceAll(";$", "");
            var rows = driver.executableQuery(library).withParameters(Map.of("firm", "zipcar")).execute().records();
            assertThat(rows).extracting(r -> r.get("run").asString()).contains(runId);
        }
    }

    @Test
    void aBadOptimisationIs400NamingTheField() throws Exception {
        HttpResponse<String> response = send("POST", "/api/firms/zipcar/optimisations",
                REQUEST.replace("\"low\": 6, \"high\": 24", "\"low\": 24, \"high\": 24"));
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("errors").findValuesAsText("field")).contains("$.optimisation.decisions[0]");
        assertThat(problem.path("errors").toString()).contains("empty bounds");
        assertThat(send("POST", "/api/firms/no-such-firm/optimisations", REQUEST).statusCode()).isEqualTo(404);
    }
}
