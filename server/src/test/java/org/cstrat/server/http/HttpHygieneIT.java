package org.cstrat.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.cstrat.server.Workbench;
import org.cstrat.server.testing.EmbeddedNeo4j;
import org.cstrat.server.testing.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.driver.Driver;

/** Headers on every answer, 405 with Allow, 413, malformed uploads, invalid UTF-8 and unknown JSON fields. */
@ExtendWith(EmbeddedNeo4j.class)
class HttpHygieneIT {

    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static URI base;
    private static Http http;
    private static Driver driver;

    @BeforeAll
    static void start(Workbench workbench) {
        base = workbench.httpUrl();
        http = new Http(base);
        driver = workbench.graph().driver();
    }

    static HttpResponse<String> send(String method, String path, String contentType, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static long graphSize() {
        var r = driver.executableQuery("MATCH (n) RETURN count(n) AS nodes, COUNT { ()-[]->() } AS rels").execute().records().get(0);
        return r.get("nodes").asLong() * 1_000_000 + r.get("rels").asLong();
    }

    static void assertSecurityHeaders(HttpResponse<String> r, String what) {
        assertThat(r.headers().firstValue("Content-Security-Policy")).as(what).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval"));
        assertThat(r.headers().firstValue("X-Content-Type-Options")).as(what).contains("nosniff");
        assertThat(r.headers().firstValue("X-Frame-Options")).as(what).contains("DENY");
        assertThat(r.headers().firstValue("Referrer-Policy")).as(what).contains("same-origin");
    }

    static void assertProblem(HttpResponse<String> r, int status, String what) {
        assertThat(r.statusCode()).as(what + ": " + r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).as(what).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(Http.tree(r).path("status").asInt()).as(what).isEqualTo(status);
        assertSecurityHeaders(r, what);
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        Map<String, Integer> answers = Map.of("/", 200, "/api/markets", 200, "/health", 200, "/static/css/workbench.css", 200,
                "/static/js/matrix.js", 200, "/no/such/page", 404, "/api/no-such-thing", 404, "/markets/no-such-market", 404);
        for (var e : answers.entrySet()) {
            HttpResponse<String> r = http.get(e.getKey());
            assertThat(r.statusCode()).as(e.getKey()).isEqualTo(e.getValue());
            assertSecurityHeaders(r, e.getKey());
        }
        assertSecurityHeaders(send("POST", "/api/markets", "application/json", "{".getBytes(StandardCharsets.UTF_8)), "a 400");
    }

    @Test
    void aWrongMethodOnAnExistingPathIs405WithAllow() throws Exception {
        HttpResponse<String> api = send("DELETE", "/api/markets", null, null);
        assertProblem(api, 405, "DELETE /api/markets");
        assertThat(api.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow.split(", ")).contains("GET", "POST")
                .doesNotContain("DELETE"));
        assertThat(Http.tree(api).path("detail").asText()).contains("DELETE", "/api/markets", "GET");
        HttpResponse<String> job = send("PUT", "/api/simulation-jobs/some-job", "application/json", "{}".getBytes(StandardCharsets.UTF_8));
        assertProblem(job, 405, "PUT a job");
        assertThat(job.headers().firstValue("Allow").orElseThrow().split(", ")).containsExactlyInAnyOrder("GET", "DELETE");
        HttpResponse<String> page = send("DELETE", "/console", null, null);
        assertThat(page.statusCode()).isEqualTo(405);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.headers().firstValue("Allow")).contains("GET");
        assertThat(send("DELETE", "/api/no-such-thing", null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        long before = graphSize();
        byte[] big = ("{\"name\": \"" + "x".repeat((int) HttpHygiene.MAX_BODY_BYTES) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = send("POST", "/api/markets", "application/json", big);
        assertProblem(r, 413, "a 1 MiB JSON body");
        assertThat(Http.tree(r).path("detail").asText()).contains("1024 KiB", HttpHygiene.MAX_UPLOAD_MIB + " MiB");
        assertThat(graphSize()).isEqualTo(before);
    }

    @Test
    void aMalformedMultipartUploadIs400() throws Exception {
        long before = graphSize();
        byte[] broken = "--other\r\nContent-Disposition: form-data; name=\"files\"; filename=\"channels.csv\"\r\n\r\nchannel_id\r\n"
                .getBytes(StandardCharsets.UTF_8);
        for (String path : List.of("/api/firms/zipcar/imports", "/api/firms/zipcar/import-jobs")) {
            HttpResponse<String> r = send("POST", path, "multipart/form-data; boundary=cstrat-boundary", broken);
            assertProblem(r, 400, path);
            assertThat(Http.tree(r).path("detail").asText()).containsIgnoringCase("multipart");
        }
        HttpResponse<String> page = send("POST", "/firms/zipcar/customers/import", "multipart/form-data; boundary=cstrat-boundary", broken);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(400);
        assertThat(page.body()).containsIgnoringCase("multipart");
        HttpResponse<String> noBoundary = send("POST", "/api/firms/zipcar/imports", "multipart/form-data", broken);
        assertProblem(noBoundary, 400, "no boundary");
        assertThat(graphSize()).isEqualTo(before);
    }

    @Test
    void aFieldOverTheCsvCapIsRefusedWithItsLocation() throws Exception {
        long before = graphSize();
        String boundary = "cstrat-cap";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"channels.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nchannel_id,name,kind\r\nweb,\"" + "W".repeat(5_000) + "\",digital\r\n\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = send("POST", "/api/firms/zipcar/imports", "multipart/form-data; boundary=" + boundary, body.toByteArray());
        assertProblem(r, 400, "a 5,000-character field");
        JsonNode errors = Http.tree(r).path("errors");
        assertThat(errors.findValuesAsText("field")).contains("channels.csv:2:2");
        assertThat(errors.findValuesAsText("message")).anySatisfy(m -> assertThat(m).contains("5000 characters", "limit of 4096"));
        assertThat(graphSize()).isEqualTo(before);
    }

    @Test
    void jsonThatIsNotUtf8Is400() throws Exception {
        long before = graphSize();
        byte[] latin1 = "{\"name\": \"Caf\u00e9 market\"}".getBytes(StandardCharsets.ISO_8859_1);
        for (String path : List.of("/api/markets", "/api/cypher", "/api/firms/zipcar/identity/unmerge")) {
            HttpResponse<String> r = send("POST", path, "application/json", latin1);
            assertProblem(r, 400, path);
            assertThat(Http.tree(r).path("detail").asText()).contains("not valid UTF-8", "byte 0xe9 at offset 13");
        }
        assertThat(graphSize()).isEqualTo(before);
    }

    @Test
    void unknownFieldsAreRefusedByEveryJsonEndpointNamingThem() throws Exception {
        long before = graphSize();
        Map<String, String> calls = new java.util.LinkedHashMap<>();
        calls.put("POST /api/markets", "{\"id\": \"hyg-m\", \"name\": \"M\", \"colour\": \"red\"}");
        calls.put("PUT /api/markets/us-mobility", "{\"name\": \"US personal mobility\", \"colour\": \"red\"}");
        calls.put("POST /api/markets/us-mobility/firms", "{\"name\": \"Hyg firm\", \"colour\": \"red\"}");
        calls.put("PUT /api/firms/zipcar", "{\"name\": \"Zipcar\", \"colour\": \"red\"}");
        calls.put("POST /api/firms/zipcar/offerings", "{\"name\": \"O\", \"colour\": \"red\"}");
        calls.put("POST /api/firms/zipcar/touchpoints", "{\"name\": \"T\", \"initiative\": \"customer\", \"colour\": \"red\"}");
        calls.put("POST /api/firms/zipcar/technologies", "{\"name\": \"X\", \"star\": \"sensor\", \"colour\": \"red\"}");
        calls.put("POST /api/firms/zipcar/actors", "{\"name\": \"A\", \"kind\": \"organisation\", \"role\": \"supplier\", \"colour\": \"red\"}");
        calls.put("POST /api/firms/zipcar/revenue-models", "{\"name\": \"R\", \"kind\": \"flat_price\", \"payer\": \"customer\", \"colour\": \"red\"}");
        calls.put("POST /api/firms/zipcar/identity/unmerge", "{\"identifier\": \"zipcar/email/a@example.com\", \"colour\": \"red\"}");
        calls.put("POST /api/firms/zipcar/identity/relink", "{\"identifier\": \"zipcar/email/a@example.com\", \"colour\": \"red\"}");
        calls.put("POST /api/cypher", "{\"query\": \"RETURN 1\", \"colour\": \"red\"}");
        for (var call : calls.entrySet()) {
            String[] mp = call.getKey().split(" ");
            HttpResponse<String> r = send(mp[0], mp[1], "application/json", call.getValue().getBytes(StandardCharsets.UTF_8));
            assertProblem(r, 400, call.getKey());
            JsonNode errors = Http.tree(r).path("errors");
            assertThat(errors.findValuesAsText("field")).as(call.getKey() + ": " + r.body()).anySatisfy(f -> assertThat(f).endsWith("colour"));
            assertThat(errors.findValuesAsText("message")).as(call.getKey()).anySatisfy(m -> assertThat(m).contains("unknown field"));
        }
        HttpResponse<String> sim = send("POST", "/api/firms/zipcar/simulations", "application/json",
                "{\"colour\": \"red\"}".getBytes(StandardCharsets.UTF_8));
        assertProblem(sim, 400, "simulations");
        assertThat(Http.tree(sim).path("errors").findValuesAsText("field")).anySatisfy(f -> assertThat(f).endsWith("colour"));
        assertThat(graphSize()).isEqualTo(before);
    }
}
