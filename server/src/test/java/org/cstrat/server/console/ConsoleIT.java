package org.cstrat.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cstrat.server.config.RuntimeInfo;
import org.cstrat.server.Workbench;
import org.cstrat.server.cli.CommandLineTest;
import org.cstrat.server.testing.EmbeddedNeo4j;
import org.cstrat.server.testing.Seeds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.driver.Driver;

/** The read-only console over HTTP: results, library, and every way a query can be refused. */
@ExtendWith(EmbeddedNeo4j.class)
class ConsoleIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Workbench workbench;
    private static Driver driver;

    @BeforeAll
    static void connect(Workbench shared, Driver sharedDriver) {
        workbench = shared;
        driver = sharedDriver;
    }

    static HttpResponse<String> post(String path, Object body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(workbench.httpUrl().resolve(path)).timeout(Duration.ofSeconds(90))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode query(String cypher, Map<String, Object> parameters) throws Exception {
        HttpResponse<String> response = post("/api/cypher", Map.of("query", cypher, "parameters", parameters));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static Map<String, Long> counts() {
        var record = driver.executableQuery("MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS nodes, count(r) AS rels")
                .execute().records().get(0);
        return Map.of("nodes", record.get("nodes").asLong(), "rels", record.get("rels").asLong(),
                "labels", driver.executableQuery("CALL db.labels() YIELD label RETURN count(label) AS n").execute().records().get(0).get("n").asLong());
    }

    @Test
    void rowsAndTheGraphPicture() throws Exception {
        JsonNode result = query("MATCH (f:Firm {id: $id})-[r:COMPETES_IN]->(m:Market) RETURN f, r, m, f.name AS name", Map.of("id", "uber"));
        assertThat(result.path("columns").toString()).isEqualTo("[\"f\",\"r\",\"m\",\"name\"]");
        assertThat(result.path("rows")).hasSize(1);
        assertThat(result.path("rows").get(0).get(3).asText()).isEqualTo("Uber");
        assertThat(result.path("graph").path("nodes")).hasSize(2);
        assertThat(result.path("graph").path("relationships")).hasSize(1);
        assertThat(result.path("graph").path("relationships").get(0).path("type").asText()).isEqualTo("COMPETES_IN");
        assertThat(result.path("truncated").asBoolean()).isFalse();

        HttpResponse<String> csv = post("/api/cypher?format=csv", Map.of("query", "MATCH (f:Firm) RETURN f.id AS id, f.name AS name ORDER BY id LIMIT 3"));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        assertThat(csv.body().split("\r\n")).hasSize(4).startsWith("id,name");
    }

    @Test
    void aLargeResultIsCutAtTheCapWithANote() throws Exception {
        HttpResponse<String> response = post("/api/cypher", Map.of("query", "UNWIND range(1, 20000) AS x RETURN x"));
        JsonNode result = JSON.readTree(response.body());
        assertThat(result.path("rows")).hasSize(ConsoleRequest.DEFAULT_MAX_ROWS);
        assertThat(result.path("truncated").asBoolean()).isTrue();
        assertThat(result.path("note").asText()).contains("cut at 10000 rows");
        JsonNode small = JSON.readTree(post("/api/cypher", Map.of("query", "UNWIND range(1, 50) AS x RETURN x", "maxRows", 7)).body());
        assertThat(small.path("rows")).hasSize(7);
        assertThat(small.path("truncated").asBoolean()).isTrue();
    }

    @Test
    void aSyntaxErrorGivesTheDatabasesMessageAndPosition() throws Exception {
        HttpResponse<String> response = post("/api/cypher", Map.of("query", "MATCH (f:Firm RETURN f"));
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("code").asText()).isEqualTo("Neo.ClientError.Statement.SyntaxError");
        assertThat(problem.path("position").path("line").asInt()).isEqualTo(1);
        assertThat(problem.path("position").path("column").asInt()).isPositive();
        assertThat(problem.path("detail").asText()).contains("line 1");
    }

    @TestFactory
    Stream<DynamicTest> everyWriteIsRefusedWith403AndTheGraphIsUnchanged() {
        List<String> writes = List.of(
                "CREATE (:Intruder {id: 'x'})",
                "MERGE (f:Firm {id: 'uber'}) SET f.name = 'Hacked'",
                "MATCH (f:Firm {id: 'uber'}) SET f.name = 'Hacked'",
                "MATCH (f:Firm {id: 'uber'}) REMOVE f.name",
                "MATCH (c:Customer) WITH c LIMIT 1 DETACH DELETE c",
                "MATCH (f:Firm {id: 'uber'}) CREATE (f)-[:OWNED_BY]->(:Company {id: 'evil'})",
                "CALL db.createLabel('Intruder')",
                "CALL db.createProperty('intruder')",
                "CREATE INDEX intruder IF NOT EXISTS FOR (n:Intruder) ON (n.x)",
                "UNWIND range(1, 3) AS i CALL { WITH i CREATE (:Intruder {id: i}) } IN TRANSACTIONS",
                "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
                "LOAD CSV FROM 'http://127.0.0.1:1/x.csv' AS line RETURN line",
                "USE system MATCH (n) RETURN n");
        Map<String, Long> before = counts();
        return writes.stream().map(write -> DynamicTest.dynamicTest(write, () -> {
            HttpResponse<String> response = post("/api/cypher", Map.of("query", write));
            assertThat(response.statusCode()).as(response.body()).isIn(400, 403);
            if (!write.startsWith("USE system")) {
                assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
            }
            assertThat(counts()).isEqualTo(before);
            assertThat(driver.executableQuery("MATCH (f:Firm {id: 'uber'}) RETURN f.name AS n").execute()
                    .records().get(0).get("n").asString()).isEqualTo("Uber");
        }));
    }

    @Test
    void aQueryPastTheTimeoutIsCancelledServerSide() throws Exception {
        String slow = "UNWIND range(1, 200000000) AS x WITH x WHERE x % 7 = 3 RETURN count(*) AS n";
        long started = System.nanoTime();
        HttpResponse<String> response = post("/api/cypher", Map.of("query", slow, "timeoutSeconds", 1));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(408);
        assertThat(JSON.readTree(response.body()).path("title").asText()).isEqualTo("Query timed out");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
        long running = 1;
        for (int attempt = 0; attempt < 50 && running > 0; attempt++) {
            running = driver.executableQuery("SHOW TRANSACTIONS YIELD currentQuery "
                            + "WHERE currentQuery CONTAINS 'range(1, 200000000)' AND NOT currentQuery CONTAINS 'SHOW TRANSACTIONS' RETURN count(*) AS n")
                    .execute().records().get(0).get("n").asLong();
            if (running > 0) {
                Thread.sleep(200);
            }
        }
        assertThat(running).as("the database no longer runs it").isZero();
    }

    @Test
    void badRequestsAreFieldErrors() throws Exception {
        assertThat(post("/api/cypher", Map.of("query", "")).statusCode()).isEqualTo(400);
        HttpResponse<String> timeout = post("/api/cypher", Map.of("query", "RETURN 1", "timeoutSeconds", 600));
        assertThat(timeout.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(timeout.body()).path("errors").get(0).path("field").asText()).isEqualTo("timeoutSeconds");
        assertThat(post("/api/cypher", Map.of("query", "RETURN 1", "parameters", List.of(1))).statusCode()).isEqualTo(400);
        assertThat(post("/api/cypher", "[1, 2]").statusCode()).isEqualTo(400);
        assertThat(post("/api/cypher", "{oops").statusCode()).isEqualTo(400);
    }

    @TestFactory
    Stream<DynamicTest> everyLibraryQueryReturnsRowsOnTheDemoData() throws Exception {
        JsonNode library = JSON.readTree(HTTP.send(HttpRequest.newBuilder(workbench.httpUrl().resolve("/api/cypher/library")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(library.size()).isGreaterThanOrEqualTo(15);
        List<JsonNode> entries = new java.util.ArrayList<>();
        library.forEach(entries::add);
        Seeds.simulationRun(driver); // simulation_runs_by_npv needs a stored run
        return entries.stream().map(q -> DynamicTest.dynamicTest(q.path("id").asText(), () -> {
            assertThat(q.path("title").asText()).isNotBlank();
            assertThat(q.path("answers").asText()).as("each query says what it answers").isNotBlank();
            @SuppressWarnings("unchecked")
            Map<String, Object> parameters = JSON.convertValue(q.path("parameters"), Map.class);
            JsonNode result = query(q.path("cypher").asText(), parameters);
            assertThat(result.path("rows").size()).as("rows of " + q.path("id").asText()).isPositive();
        }));
    }

    @Test
    void theRealCypherShellRunsALibraryFile() throws Exception {
        Path data = Path.of(System.getProperty("java.io.tmpdir")).resolve("cstrat-console-it-" + ProcessHandle.current().pid());
        workbench.runtimeInfo().write(data);
        java.nio.file.Files.createDirectories(data.resolve("auth"));
        java.nio.file.Files.writeString(data.resolve("auth").resolve("neo4j-password"), EmbeddedNeo4j.CREDENTIALS.password());
        try {
            var run = CommandLineTest.run("cypher-shell", "--data", data.toString(), "--format", "plain",
                    "-f", Path.of("..", "cypher", "queries", "analyst", "firms_per_cell.cypher").toString());
            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.out()).contains("experience, architecture, firms, names").contains("\"Crowd orchestrator\"");
        } finally {
            RuntimeInfo.delete(data);
        }
    }
}
