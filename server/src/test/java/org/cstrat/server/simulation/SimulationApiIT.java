package org.cstrat.server.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cstrat.server.Workbench;
import org.cstrat.server.testing.EmbeddedNeo4j;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.driver.Driver;

/** Simulations through the HTTP API: a background job with progress, stored as a SimulationRun in the graph. */
@ExtendWith(EmbeddedNeo4j.class)
class SimulationApiIT {

    private static Workbench workbench;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String REQUEST = """
            {"name": "zipcar moves", "currency": "EUR",
             "strategies": [{"name": "respond", "experience": "respond_to_desire", "personalisationLevel": 1,
                             "billing": {"model": "flat_price", "price": 12}},
                            {"name": "curated", "experience": "curated_offering", "personalisationLevel": 2,
                             "billing": {"model": "personalised_pricing", "basePrice": 12, "indicator": "loyalty", "fairnessCap": 1.3}}],
             "parameters": {"periods": 12},
             "run": {"replications": 40, "seed": 11},
             "analyses": {"tornado": true, "heatmap": true}}
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

    private static long runs(Driver driver) {
        return driver.executableQuery("MATCH (r:SimulationRun) RETURN count(r) AS n").execute().records().get(0).get("n").asLong();
    }

    @Test
    void aRunIsAJobWithProgressThenAStoredRunAnalystsCanQuery() throws Exception {
        HttpResponse<String> started = send("POST", "/api/firms/zipcar/simulations", REQUEST);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonNode job = JSON.readTree(started.body());
        assertThat(started.headers().firstValue("Location")).contains("/api/simulation-jobs/" + job.path("id").asText());

        JsonNode status = job;
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!status.path("state").asText().matches("done|failed|cancelled") && System.nanoTime() < deadline) {
            Thread.sleep(200);
            status = JSON.readTree(send("GET", "/api/simulation-jobs/" + job.path("id").asText(), null).body());
            assertThat(status.path("done").asLong()).isLessThanOrEqualTo(status.path("total").asLong());
        }
        assertThat(status.path("state").asText()).as(status.toString()).isEqualTo("done");
        String runId = status.path("runId").asText();

        JsonNode run = JSON.readTree(send("GET", "/api/simulations/" + runId, null).body());
        assertThat(run.path("firmId").asText()).isEqualTo("zipcar");
        assertThat(run.path("seed").asLong()).isEqualTo(11);
        assertThat(run.path("engineVersion").asText()).isNotBlank();
        assertThat(run.path("result").path("strategies")).hasSize(2);
        assertThat(run.path("tornado").path("bars").size()).isPositive();
        assertThat(run.path("heatmap").path("cells")).hasSize(20);
        // every cell states its billing and price; the base strategy's own cell is the main table's row (same seed)
        for (JsonNode cell : run.path("heatmap").path("cells")) {
            assertThat(cell.path("billingTerms").asText()).as(cell.toString()).isNotBlank();
            assertThat(cell.path("pricePerEpisode").isNumber()).as(cell.toString()).isTrue();
            assertThat(cell.path("billingModel").path("model").asText()).isEqualTo(cell.path("billing").asText());
        }
        JsonNode own = null;
        for (JsonNode cell : run.path("heatmap").path("cells")) {
            if (cell.path("ownStrategy").asBoolean()) {
                assertThat(own).as("one own cell").isNull();
                own = cell;
            }
        }
        assertThat(own).isNotNull();
        assertThat(own.path("experience").asText()).isEqualTo("respond_to_desire");
        assertThat(own.path("billingTerms").asText()).isEqualTo("flat price 12.00 per episode");
        assertThat(own.path("npv").path("mean").asDouble()).isEqualTo(run.path("result").path("strategies").get(0).path("npv").path("mean").asDouble());
        assertThat(own.path("npv").path("n").asInt()).isEqualTo(run.path("result").path("replications").asInt());
        assertThat(run.path("heatmap").path("explanation").asText()).contains("own cell", "12.00 EUR per episode");
        assertThat(run.path("result").path("currency").asText()).isEqualTo("EUR");
        assertThat(run.path("heatmap").path("currency").asText()).isEqualTo("EUR");
        assertThat(run.path("tornado").path("currency").asText()).isEqualTo("EUR");
        assertThat(run.path("scenario").path("strategies")).hasSize(2);

        JsonNode list = JSON.readTree(send("GET", "/api/firms/zipcar/simulations", null).body());
        assertThat(list.findValuesAsText("id")).contains(runId);

        try (var driver = analystDriver()) {
            var ranked = driver.executableQuery("""
                            MATCH (r:SimulationRun {id: $id})-[:FOR_FIRM]->(:Firm {id: 'zipcar'})
                            MATCH (r)-[:SIMULATED]->(s:SimulatedStrategy)-[:IN_EXPERIENCE]->(e:Experience)
                            RETURN s.name AS name, e.id AS experience, s.npvMean AS npv ORDER BY npv DESC""")
                    .withParameters(java.util.Map.of("id", runId)).execute().records();
            assertThat(ranked).extracting(r -> r.get("experience").asString())
                    .containsExactlyInAnyOrder("respond_to_desire", "curated_offering");
        }
        HttpResponse<String> page = send("GET", "/simulations/" + runId, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("zipcar moves").contains("data-run=\"" + runId + "\"");
        assertThat(send("GET", "/firms/zipcar/simulate", null).body()).contains(runId);
    }

    @Test
    void badRequestsNameEveryFieldAndStoreNothing() throws Exception {
        long before;
        try (var driver = analystDriver()) {
            before = runs(driver);
        }
        HttpResponse<String> response = send("POST", "/api/firms/zipcar/simulations", """
                {"strategies": [{"name": "x", "experience": "teleport", "personalisationLevel": 9,
                                 "billing": {"model": "flat_price", "price": -3}}],
                 "run": {"replications": 50000}, "colour": "red", "analyses": {"tornado": "yes"}}
                """);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("errors").findValuesAsText("field")).contains(
                "$.colour", "$.analyses.tornado", "$.strategies[0].experience", "$.strategies[0].personalisationLevel",
                "$.strategies[0].billing.price");
        assertThat(problem.path("errors").toString()).contains("teleport");

        // 10 M replications x 600 periods: outputs longer than any array (a NegativeArraySizeException before).
        HttpResponse<String> tooMany = send("POST", "/api/firms/zipcar/simulations", REQUEST.replace("\"replications\": 40", "\"replications\": 10000000")
                .replace("\"periods\": 12", "\"periods\": 600"));
        assertThat(tooMany.statusCode()).as(tooMany.body()).isEqualTo(422);
        assertThat(tooMany.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(JSON.readTree(tooMany.body()).path("errors").findValuesAsText("field")).containsExactly("$.run.replications");

        // 10 M customers x 600 periods x 100 replications: beyond the work budget, which the answer states with the duration.
        HttpResponse<String> tooLong = send("POST", "/api/firms/zipcar/simulations", hugeCustomers(100));
        assertThat(tooLong.statusCode()).as(tooLong.body()).isEqualTo(422);
        JsonNode refusal = JSON.readTree(tooLong.body());
        assertThat(refusal.path("detail").asText()).contains("customer-periods", "budget of 25.0 G", "it would take about");
        assertThat(refusal.path("errors").findValuesAsText("field")).singleElement().asString()
                .matches("\\$\\.parameters\\.segments\\[\\d+]\\.initialCustomers");

        assertThat(send("POST", "/api/firms/zipcar/simulations", "{not json").statusCode()).isEqualTo(400);
        assertThat(send("POST", "/api/firms/atlantis/simulations", REQUEST).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/simulations/run-nope", null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/simulation-jobs/j-nope", null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/firms/atlantis/simulate", null).statusCode()).isEqualTo(404);
        try (var driver = analystDriver()) {
            assertThat(runs(driver)).isEqualTo(before);
        }
    }

    @Test
    void aJobCanBeCancelled() throws Exception {
        String big = REQUEST.replace("\"replications\": 40", "\"replications\": 20000").replace("\"periods\": 12", "\"periods\": 120");
        JsonNode job = JSON.readTree(send("POST", "/api/firms/zipcar/simulations", big).body());
        JsonNode cancelled = JSON.readTree(send("DELETE", "/api/simulation-jobs/" + job.path("id").asText(), null).body());
        assertThat(cancelled.path("id").asText()).isEqualTo(job.path("id").asText());
        JsonNode status = cancelled;
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!status.path("state").asText().matches("done|failed|cancelled") && System.nanoTime() < deadline) {
            Thread.sleep(100);
            status = JSON.readTree(send("GET", "/api/simulation-jobs/" + job.path("id").asText(), null).body());
        }
        assertThat(status.path("state").asText()).isEqualTo("cancelled");
        assertThat(status.path("runId").isNull()).isTrue();
    }

    /** One strategy over zipcar's segments and one of 10 M customers, 600 periods: about 6 G customer-periods per replication. */
    static String hugeCustomers(int replications) {
        return """
                {"name": "huge",
                 "strategies": [{"name": "respond", "experience": "respond_to_desire", "personalisationLevel": 1,
                                 "billing": {"model": "flat_price", "price": 12}}],
                 "parameters": {"periods": 600, "segments": [{"name": "everyone", "initialCustomers": 10000000}]},
                 "run": {"replications": %d, "seed": 5}}
                """.formatted(replications);
    }

    private static JsonNode status(String jobId) throws Exception {
        return JSON.readTree(send("GET", "/api/simulation-jobs/" + jobId, null).body());
    }

    private static JsonNode awaitState(String jobId, String states, Duration within) throws Exception {
        JsonNode status = status(jobId);
        long deadline = System.nanoTime() + within.toNanos();
        while (!status.path("state").asText().matches(states) && System.nanoTime() < deadline) {
            Thread.sleep(10);
            status = status(jobId);
        }
        return status;
    }

    @Test
    void aHugeRunningReplicationStopsSoonAfterDeleteAndTheNextJobRuns() throws Exception {
        HttpResponse<String> started = send("POST", "/api/firms/zipcar/simulations", hugeCustomers(1));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String id = JSON.readTree(started.body()).path("id").asText();
        assertThat(JSON.readTree(started.body()).path("estimate").asText()).contains("customer-periods", "about");
        assertThat(awaitState(id, "running|done|failed|cancelled", Duration.ofMinutes(1)).path("state").asText()).isEqualTo("running");
        Thread.sleep(300); // well inside the one replication of minutes

        long sent = System.nanoTime();
        assertThat(send("DELETE", "/api/simulation-jobs/" + id, null).statusCode()).isEqualTo(200);
        JsonNode status = awaitState(id, "done|failed|cancelled", Duration.ofSeconds(30));
        Duration latency = Duration.ofNanos(System.nanoTime() - sent);
        System.out.println("DELETE to 'cancelled' of a running 10 M customer x 600 period replication: " + latency.toMillis() + " ms");
        assertThat(status.path("state").asText()).isEqualTo("cancelled");
        assertThat(latency).isLessThan(Duration.ofSeconds(5));

        String small = REQUEST.replace("\"analyses\": {\"tornado\": true, \"heatmap\": true}", "\"analyses\": {\"tornado\": false}");
        JsonNode next = JSON.readTree(send("POST", "/api/firms/zipcar/simulations", small).body());
        assertThat(awaitState(next.path("id").asText(), "done|failed|cancelled", Duration.ofMinutes(2)).path("state").asText())
                .isEqualTo("done");
    }

    @Test
    void aFourthJobOfTheSameUserIsRefusedWith429() throws Exception {
        List<String> ids = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> started = send("POST", "/api/firms/zipcar/simulations", hugeCustomers(1));
                assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
                ids.add(JSON.readTree(started.body()).path("id").asText());
            }
            HttpResponse<String> fourth = send("POST", "/api/firms/zipcar/simulations", hugeCustomers(1));
            assertThat(fourth.statusCode()).as(fourth.body()).isEqualTo(429);
            assertThat(fourth.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
            assertThat(JSON.readTree(fourth.body()).path("detail").asText()).contains("already has 3 simulation job(s)");
        } finally {
            for (String id : ids) {
                send("DELETE", "/api/simulation-jobs/" + id, null);
            }
        }
        for (String id : ids) {
            assertThat(awaitState(id, "done|failed|cancelled", Duration.ofSeconds(30)).path("state").asText()).isEqualTo("cancelled");
        }
    }

    @Test
    void theCalibratedScenarioIsAJsonDownloadOrSaysWhatIsMissing() throws Exception {
        HttpResponse<String> file = send("GET", "/api/firms/equinox/calibration", null);
        assertThat(file.statusCode()).as(file.body()).isEqualTo(200);
        assertThat(file.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(file.headers().firstValue("content-disposition")).contains("attachment; filename=\"equinox-calibrated.json\"");
        var scenario = new org.cstrat.sim.scenario.ScenarioReader().parse(file.body(), "download.json").resolve();
        assertThat(scenario.uncertainty()).isNotEmpty();

        HttpResponse<String> notValued = send("GET", "/api/firms/zipcar/calibration", null);
        assertThat(notValued.statusCode()).isEqualTo(422);
        assertThat(notValued.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(JSON.readTree(notValued.body()).path("detail").asText()).contains("values are not fitted");
        assertThat(send("GET", "/api/firms/atlantis/calibration", null).statusCode()).isEqualTo(404);

        assertThat(send("GET", "/firms/equinox", null).body()).contains("id=\"calibrate-link\"", "/firms/equinox/simulate#calibration");
        assertThat(send("GET", "/firms/equinox/simulate", null).body()).contains("id=\"calibration-download\"", "/api/firms/equinox/calibration");
    }

    private static org.neo4j.driver.Driver analystDriver() {
        var c = workbench.graph().credentials().orElseThrow();
        return org.neo4j.driver.GraphDatabase.driver(workbench.boltUri(), org.neo4j.driver.AuthTokens.basic(c.user(), c.password()));
    }

    static URI base() {
        return workbench.httpUrl();
    }
}
