package org.cstrat.server.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cstrat.server.app.Services;
import org.cstrat.server.customers.imports.ImportFile;
import org.cstrat.server.demo.SyntheticCustomerData;
import org.cstrat.server.Workbench;
import org.cstrat.server.http.WebServer;
import org.cstrat.server.neo4j.GraphConnection;
import org.cstrat.server.testing.EmbeddedNeo4j;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The customers API and pages over HTTP, on the shared embedded database, with a firm of their own. */
@ExtendWith(EmbeddedNeo4j.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomersHttpIT {

    static final String FIRM = "it-http";
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    WebServer web;
    Services services;
    URI base;
    GraphConnection graph;

    @BeforeAll
    void start(GraphConnection graph) {
        this.graph = graph;
        services = Services.over(graph);
        web = Workbench.web(services);
        web.start("127.0.0.1", 0);
        base = URI.create("http://127.0.0.1:" + web.port() + "/");
    }

    @AfterAll
    void stop() {
        if (web != null) {
            web.close();
        }
        if (services != null) {
            services.close();
        }
    }

    static HttpRequest.BodyPublisher multipart(String boundary, List<ImportFile> files) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (ImportFile f : files) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + f.name()
                    + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(f.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.BodyPublishers.ofByteArray(body.toByteArray());
    }

    HttpResponse<String> upload(String path, List<ImportFile> files) throws Exception {
        String boundary = "cstrat-boundary-42";
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(multipart(boundary, files)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void uploadRejectsBadFilesWithProblemJsonThenImportsAndShowsTheUnifiedView() throws Exception {
        List<ImportFile> files = SyntheticCustomerData.generate(FIRM, 120, 3);
        ImportFile bad = new ImportFile("interactions.csv", "interaction_id,system,record_id,touchpoint,at,stage,amount\ni1,crm,CR1,nowhere,yesterday,request,-3\n"
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> rejected = upload("api/firms/" + FIRM + "/imports", List.of(files.get(0), files.get(1), bad));
        assertThat(rejected.statusCode()).isEqualTo(400);
        assertThat(rejected.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(rejected.body());
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("errors").findValuesAsText("field")).containsExactly(
                "interactions.csv:2:3", "interactions.csv:2:4", "interactions.csv:2:5", "interactions.csv:2:7");
        assertThat(get("api/firms/" + FIRM + "/customers").statusCode()).as("nothing written, not even the firm").isEqualTo(404);

        HttpResponse<String> page = upload("firms/" + FIRM + "/customers/import", List.of(bad));
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("id=\"import-errors\"", "interactions.csv:2:5: &#39;yesterday&#39; is not a timestamp");

        HttpResponse<String> created = upload("api/firms/" + FIRM + "/imports", files);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(JSON.readTree(created.body()).path("newInteractions").asLong()).isPositive();

        JsonNode view = JSON.readTree(get("api/firms/" + FIRM + "/customers").body());
        assertThat(view.path("coverage").asDouble()).isBetween(0.05, 1.0);
        assertThat(view.path("systems").findValuesAsText("system")).contains("crm", "kiosk");

        HttpResponse<String> customers = get("firms/" + FIRM + "/customers");
        assertThat(customers.statusCode()).isEqualTo(200);
        assertThat(customers.body()).contains("id=\"coverage\"", "<svg", "jm-node", "unified-view coverage");

        assertThat(JSON.readTree(get("api/firms/" + FIRM + "/journeys").body()).path("journeys").asLong()).isPositive();
        HttpResponse<String> unmerge = HTTP.send(HttpRequest.newBuilder(base.resolve("api/firms/" + FIRM + "/identity/unmerge"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unmerge.statusCode()).isEqualTo(400);
        // what a form on another site could send: refused, so unmerging cannot be forged
        HttpResponse<String> forged = HTTP.send(HttpRequest.newBuilder(base.resolve("api/firms/" + FIRM + "/identity/unmerge"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{\"identifier\": \"" + FIRM + "/email/x\", \"a\": \"=\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(forged.body()).path("detail").asText()).contains("application/json");
        assertThat(customers.body()).contains("/static/js/customers.js");
        assertThat(get("api/firms/no-such-firm/customers").statusCode()).isEqualTo(404);
        assertThat(get("firms/no-such-firm/customers").statusCode()).isEqualTo(404);
    }

    /** Polls the job every 100 ms until it has finished; its JSON at the end. */
    JsonNode followJob(String href) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        for (;;) {
            HttpResponse<String> response = get(href.substring(1));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode job = JSON.readTree(response.body());
            if (!job.path("state").asText().equals("queued") && !job.path("state").asText().equals("running")) {
                return job;
            }
            assertThat(System.nanoTime()).as("the job finishes within two minutes").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    JsonNode startJob(String firm, List<ImportFile> files) throws Exception {
        HttpResponse<String> started = upload("api/firms/" + firm + "/import-jobs", files);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonNode link = JSON.readTree(started.body());
        assertThat(link.path("href").asText()).isEqualTo("/api/import-jobs/" + link.path("id").asText());
        assertThat(started.headers().firstValue("location")).hasValue(link.path("href").asText());
        return link;
    }

    @Test
    void importJobRunsInTheBackgroundAndEndsWithTheReport() throws Exception {
        String firm = "it-http-job";
        List<ImportFile> files = SyntheticCustomerData.generate(firm, 150, 5);
        ImportFile interactionsCsv = files.stream().filter(f -> f.name().equals("interactions.csv")).findFirst().orElseThrow();
        long interactions = new String(interactionsCsv.content(), StandardCharsets.UTF_8).lines().count() - 1;
        JsonNode link = startJob(firm, files);

        JsonNode job = followJob(link.path("href").asText());
        assertThat(job.path("state").asText()).as(job.toString()).isEqualTo("done");
        assertThat(job.path("firm").asText()).isEqualTo(firm);
        assertThat(job.path("report").path("newInteractions").asLong()).isEqualTo(interactions);
        assertThat(job.path("report").path("unifiedCustomers").asLong()).isPositive();
        assertThat(job.path("done").asLong()).isEqualTo(interactions);
        assertThat(job.path("total").asLong()).isEqualTo(interactions);
        assertThat(job.path("percent").asInt()).isEqualTo(100);
        assertThat(job.path("elapsedMs").asLong()).isNotNegative();
        assertThat(job.path("errors").isNull()).isTrue();
        assertThat(get("api/firms/" + firm + "/customers").statusCode()).as("written").isEqualTo(200);

        HttpResponse<String> page = get("firms/" + firm + "/customers/import?job=" + link.path("id").asText());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"import-report\"", interactions + " new and 0 updated interactions",
                "href=\"/firms/" + firm + "/customers\"", "/static/js/customers-import.js");
        assertThat(get("firms/it-http/customers/import?job=" + link.path("id").asText()).statusCode())
                .as("a job is shown on its own firm's page only").isEqualTo(404);

        JsonNode again = followJob(startJob(firm, files).path("href").asText());
        assertThat(again.path("report").path("updatedInteractions").asLong()).as("the same files again change nothing").isZero();
        assertThat(again.path("report").path("unchangedInteractions").asLong()).isEqualTo(interactions);
    }

    @Test
    void importJobWithABadFileEndsRejectedWithLocatedErrors() throws Exception {
        String firm = "it-http-job-bad";
        List<ImportFile> files = SyntheticCustomerData.generate(firm, 40, 6);
        ImportFile bad = new ImportFile("interactions.csv", "interaction_id,system,record_id,touchpoint,at,stage,amount\ni1,crm,CR1,nowhere,yesterday,request,-3\n"
                .getBytes(StandardCharsets.UTF_8));
        JsonNode link = startJob(firm, List.of(files.get(0), files.get(1), bad));

        JsonNode job = followJob(link.path("href").asText());
        assertThat(job.path("state").asText()).as(job.toString()).isEqualTo("rejected");
        assertThat(job.path("errors").findValuesAsText("field")).containsExactly(
                "interactions.csv:2:3", "interactions.csv:2:4", "interactions.csv:2:5", "interactions.csv:2:7");
        assertThat(job.path("totalErrors").asInt()).isEqualTo(4);
        assertThat(job.path("report").isNull()).isTrue();
        assertThat(get("api/firms/" + firm + "/customers").statusCode()).as("nothing written, not even the firm").isEqualTo(404);

        HttpResponse<String> page = get("firms/" + firm + "/customers/import?job=" + link.path("id").asText());
        assertThat(page.body()).contains("id=\"import-errors\"", "interactions.csv:2:5: &#39;yesterday&#39; is not a timestamp");
    }

    @Test
    void unknownImportJobsAre404AndBadJobRequests400() throws Exception {
        HttpResponse<String> missing = get("api/import-jobs/imp-nosuchjob");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(get("firms/it-http/customers/import?job=imp-nosuchjob").statusCode()).isEqualTo(404);

        HttpResponse<String> badFirm = upload("api/firms/Not%20A%20Slug/import-jobs", SyntheticCustomerData.generate("x", 5, 1));
        assertThat(badFirm.statusCode()).as(badFirm.body()).isEqualTo(400);
        assertThat(JSON.readTree(badFirm.body()).path("detail").asText()).contains("firm id must be a lower-case slug");

        HttpResponse<String> noFiles = upload("api/firms/it-http-job-none/import-jobs", List.of());
        assertThat(noFiles.statusCode()).isEqualTo(400);
        assertThat(noFiles.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(JSON.readTree(noFiles.body()).path("detail").asText()).contains("No file uploaded");
    }

    @Test
    void theDemoFirmsHaveAUnifiedViewToo() throws Exception {
        HttpResponse<String> page = get("firms/uber/customers");
        assertThat(page.statusCode()).isEqualTo(200);
        JsonNode view = JSON.readTree(get("api/firms/uber/customers").body());
        assertThat(view.path("interactions").asLong()).isPositive();
        assertThat(view.path("coverage").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void anUploadsMarketParameterPlacesANewFirmWithTheRulesOfImportMarket() throws Exception {
        String firm = "it-http-market";
        List<ImportFile> files = SyntheticCustomerData.generate(firm, 40, 8);

        HttpResponse<String> noMarket = upload("api/firms/" + firm + "/imports?market=no-such-market", files);
        assertThat(noMarket.statusCode()).as(noMarket.body()).isEqualTo(400);
        assertThat(noMarket.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(noMarket.body());
        assertThat(problem.path("errors").findValuesAsText("field")).containsExactly("market");
        assertThat(problem.path("errors").findValuesAsText("message")).singleElement().asString().contains("no market 'no-such-market'");
        HttpResponse<String> jobNoMarket = upload("api/firms/" + firm + "/import-jobs?market=no-such-market", files);
        assertThat(jobNoMarket.statusCode()).as("refused before anything is queued: " + jobNoMarket.body()).isEqualTo(400);
        assertThat(JSON.readTree(jobNoMarket.body()).path("errors").findValuesAsText("field")).containsExactly("market");
        assertThat(upload("api/firms/" + firm + "/imports?market=", files).statusCode()).as("an empty market id").isEqualTo(400);
        assertThat(get("api/firms/" + firm + "/customers").statusCode()).as("nothing written, not even the firm").isEqualTo(404);

        // markets of this test's own: the ITs share one database, and the demo markets' firm counts are asserted elsewhere
        String home = market("it-upload-home");
        String other = market("it-upload-other");
        HttpResponse<String> created = upload("api/firms/" + firm + "/imports?market=" + home, files);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(marketsOf(firm)).containsExactly(home);

        HttpResponse<String> elsewhere = upload("api/firms/" + firm + "/import-jobs?market=" + other, files);
        assertThat(elsewhere.statusCode()).as(elsewhere.body()).isEqualTo(400);
        assertThat(JSON.readTree(elsewhere.body()).path("errors").findValuesAsText("message")).singleElement().asString()
                .contains("already competes in " + home);
        JsonNode again = followJob(startJob(firm, files).path("href").asText());
        assertThat(again.path("state").asText()).as("without market the firm stays where it is: " + again).isEqualTo("done");
        assertThat(marketsOf(firm)).containsExactly(home);
    }

    /** Creates a market through the editing API and returns its id. */
    String market(String id) throws Exception {
        String body = JSON.writeValueAsString(java.util.Map.of("id", id, "name", "Test market " + id, "region", "Nowhere", "asOf", 2024));
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(base.resolve("api/markets")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return id;
    }

    List<String> marketsOf(String firm) {
        return graph.driver().executableQuery("MATCH (:Firm {id: $firm})-[:COMPETES_IN]->(m:Market) RETURN m.id AS id ORDER BY id")
                .withParameters(java.util.Map.of("firm", firm)).execute().records().stream().map(r -> r.get("id").asString()).toList();
    }

    HttpResponse<String> postJson(String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theCustomerServicesAnswer404ForAnUnknownFirmAndTheApiAnswersTypedRecords() throws Exception {
        for (HttpResponse<String> missing : List.of(get("api/firms/no-such-firm/segments"), post("api/firms/no-such-firm/segments"),
                get("api/firms/no-such-firm/journeys"), get("api/firms/no-such-firm/value"), post("api/firms/no-such-firm/value"),
                post("firms/no-such-firm/customers/segments"), post("firms/no-such-firm/customers/value"))) {
            assertThat(missing.statusCode()).as(missing.uri().toString()).isEqualTo(404);
            assertThat(missing.body()).as(missing.uri().toString()).contains("no-such-firm");
        }
        for (String body : List.of("{}", "{\"identifier\": \" \"}")) {
            HttpResponse<String> noIdentifier = postJson("api/firms/no-such-firm/identity/unmerge", body);
            assertThat(noIdentifier.statusCode()).as(body).isEqualTo(400);
            assertThat(JSON.readTree(noIdentifier.body()).path("detail").asText()).as(body).startsWith("identifier is required");
        }
        HttpResponse<String> unknownField = postJson("api/firms/no-such-firm/identity/unmerge", "{\"identifier\": \"x\", \"colour\": 1}");
        assertThat(unknownField.statusCode()).isEqualTo(400);
        assertThat(unknownField.body()).contains("colour");
        assertThat(postJson("api/firms/no-such-firm/identity/relink", "{\"identifier\": \"x\"}").statusCode()).isEqualTo(404);
        String firm = "it-http-typed";
        assertThat(upload("api/firms/" + firm + "/imports", SyntheticCustomerData.generate(firm, 300, 5)).statusCode()).isEqualTo(201);
        JsonNode journeys = JSON.readTree(get("api/firms/" + firm + "/journeys").body());
        List<String> fields = new java.util.ArrayList<>();
        journeys.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("journeys", "purchases", "conversion", "touchpoints", "transitions", "topPaths", "dropOffs");
        assertThat(journeys.path("touchpoints").get(0).path("touchpoint").path("id").asText()).startsWith(firm);
        assertThat(journeys.path("conversion").asDouble()).isEqualTo(journeys.path("purchases").asDouble() / journeys.path("journeys").asDouble(),
                org.assertj.core.data.Offset.offset(1e-9));

        HttpResponse<String> unvalued = get("api/firms/" + firm + "/value");
        assertThat(unvalued.statusCode()).isEqualTo(404);
        assertThat(unvalued.body()).contains("customer valuation");
        HttpResponse<String> valued = post("api/firms/" + firm + "/value");
        assertThat(valued.statusCode()).as(valued.body()).isEqualTo(200);
        JsonNode model = JSON.readTree(valued.body()).path("model");
        assertThat(model.path("id").asText()).isEqualTo(firm + "-value");
        assertThat(model.path("firm").asText()).isEqualTo(firm);
        for (String field : List.of("r", "alpha", "a", "b", "p", "q", "v", "bgnbdLogLik", "gammaGammaLogLik", "horizonWeeks", "discountRate")) {
            assertThat(model.path(field).isDouble()).as(field).isTrue();
        }
        assertThat(model.path("customers").isIntegralNumber()).isTrue();
        assertThat(model.path("calibrationEnd").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(model.path("fittedAt").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        model.fields().forEachRemaining(f -> assertThat(f.getValue().isNull()).as("no null field: " + f.getKey()).isFalse());
        assertThat(JSON.readTree(get("api/firms/" + firm + "/value").body())).isEqualTo(JSON.readTree(valued.body()));
        assertThat(get("firms/" + firm + "/customers").body()).contains("Fitted on " + model.path("customers").asLong() + " customers up to "
                + model.path("calibrationEnd").asText());
    }
}
