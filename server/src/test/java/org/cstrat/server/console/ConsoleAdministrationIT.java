package org.cstrat.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cstrat.server.Workbench;
import org.cstrat.server.testing.EmbeddedNeo4j;
import org.cstrat.server.testing.GraphFingerprint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;

/**
 * The console cannot administer the database: every administration command, server-state command and
 * procedure outside the allow-list is refused with 403 before it runs, decided on the database's plan.
 */
@ExtendWith(EmbeddedNeo4j.class)
class ConsoleAdministrationIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Driver driver;

    @BeforeAll
    static void connect(Workbench shared, Driver sharedDriver) {
        ConsoleIT.connect(shared, sharedDriver);
        driver = sharedDriver;
    }

    /** Users as the system database knows them, read with the application's own (administrator) credentials. */
    private static List<String> users() {
        try (var s = driver.session(SessionConfig.forDatabase("system"))) {
            return s.run("SHOW USERS YIELD user RETURN user ORDER BY user").list(r -> r.get("user").asString());
        }
    }

    @TestFactory
    Stream<DynamicTest> everyAdministrationCommandAndServerProcedureIsRefusedWith403AndNothingDone() {
        List<String> refused = List.of(
                "SHOW USERS",
                "SHOW CURRENT USER",
                "SHOW ROLES",
                "SHOW PRIVILEGES",
                "SHOW USER neo4j PRIVILEGES",
                "SHOW DATABASES",
                "SHOW SERVERS",
                "SHOW SETTINGS",
                "SHOW SETTINGS YIELD name, value RETURN name, value",
                "SHOW TRANSACTIONS",
                "SHOW TRANSACTIONS YIELD transactionId, currentQuery RETURN *",
                "SHOW PROCEDURES",
                "SHOW FUNCTIONS",
                "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
                "CREATE USER intruder SET PASSWORD 'intruder-password'",
                "ALTER USER neo4j SET PASSWORD 'changed-password' CHANGE NOT REQUIRED",
                "DROP USER neo4j",
                "CREATE DATABASE intruder",
                "DROP DATABASE neo4j",
                "CREATE ROLE intruder",
                "STOP DATABASE neo4j",
                "CALL dbms.killConnections(['bolt-1'])",
                "CALL dbms.listConfig()",
                "CALL dbms.listConfig() YIELD name, value RETURN name, value",
                "CALL dbms.components()",
                "CALL dbms.listConnections()",
                "CALL db.clearQueryCaches()",
                "CALL db.info()",
                "CALL tx.setMetaData({x: 1})",
                "/* just looking */ sHoW uSeRs",
                "// a comment line\\nshow\\n  users",
                "CALL dbms . components",
                "CALL `dbms`.`components`()",
                "MATCH (f:Firm) WITH count(f) AS n CALL dbms.components() YIELD name RETURN n, name",
                "MATCH (f:Firm {id: 'uber'}) CALL { CALL dbms.components() YIELD name RETURN name } RETURN f.id, name");
        List<String> usersBefore = users();
        List<String> graphBefore = GraphFingerprint.of(driver);
        return refused.stream().map(q -> q.replace("\\n", "\n")).map(query -> DynamicTest.dynamicTest(query, () -> {
            HttpResponse<String> response = ConsoleIT.post("/api/cypher", Map.of("query", query));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
            assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.path("title").asText()).isEqualTo("Not allowed in the console");
            assertThat(problem.path("code").asText()).startsWith("Cstrat.Console.");
            assertThat(problem.path("detail").asText()).startsWith("Not allowed in the console");
            System.out.println("refused " + query.replace('\n', ' ') + " -> " + problem.path("detail").asText());
            assertThat(users()).isEqualTo(usersBefore);
            assertThat(GraphFingerprint.changes(graphBefore, GraphFingerprint.of(driver))).isEmpty();
        }));
    }

    @Test
    void theRefusalNamesTheProcedureAndWhy() throws Exception {
        JsonNode kill = JSON.readTree(ConsoleIT.post("/api/cypher", Map.of("query", "CALL dbms.killConnections(['bolt-1'])")).body());
        assertThat(kill.path("code").asText()).isEqualTo("Cstrat.Console.ProcedureNotAllowed");
        assertThat(kill.path("detail").asText()).contains("dbms.killConnections").contains("administer the database server");
        JsonNode clear = JSON.readTree(ConsoleIT.post("/api/cypher", Map.of("query", "CALL db.clearQueryCaches()")).body());
        assertThat(clear.path("detail").asText()).contains("db.clearQueryCaches").contains("db.labels");
        JsonNode users = JSON.readTree(ConsoleIT.post("/api/cypher", Map.of("query", "SHOW USERS")).body());
        assertThat(users.path("code").asText()).isEqualTo("Cstrat.Console.AdministrationCommand");
        assertThat(users.path("detail").asText()).contains("'SHOW USERS'").contains("administration command");
        JsonNode terminate = JSON.readTree(ConsoleIT.post("/api/cypher", Map.of("query", "TERMINATE TRANSACTIONS 'neo4j-transaction-1'")).body());
        assertThat(terminate.path("detail").asText()).contains("TerminateTransactions");
        JsonNode write = JSON.readTree(ConsoleIT.post("/api/cypher", Map.of("query", "CREATE (:Intruder)")).body());
        assertThat(write.path("status").asInt()).isEqualTo(403);
        assertThat(write.path("title").asText()).isEqualTo("The console is read-only");
        assertThat(write.path("detail").asText()).contains("WRITE_ONLY").contains("Create");
    }

    @TestFactory
    Stream<DynamicTest> allowedProceduresAndSchemaCommandsStillAnswer() {
        Map<String, String> allowed = Map.of(
                "CALL db.labels()", "Firm",
                "CALL db . labels", "Firm",
                "CALL `db`.`labels`() YIELD label RETURN label ORDER BY label", "Firm",
                "CALL db.relationshipTypes()", "COMPETES_IN",
                "CALL db.propertyKeys()", "name",
                "CALL db.schema.visualization()", "Firm",
                "CALL db.schema.nodeTypeProperties() YIELD nodeType RETURN nodeType", "Firm",
                "SHOW INDEXES YIELD name, labelsOrTypes RETURN name, labelsOrTypes", "Firm",
                "SHOW CONSTRAINTS", "Firm",
                "MATCH (f:Firm {id: 'uber'})-[:COMPETES_IN]->(m:Market) RETURN f.name, m.id", "Uber");
        return allowed.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            HttpResponse<String> response = ConsoleIT.post("/api/cypher", Map.of("query", e.getKey()));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(JSON.readTree(response.body()).path("rows").size()).isPositive();
            assertThat(response.body()).contains(e.getValue());
        }));
    }

    @Test
    void aSyntaxErrorStillPointsIntoTheAnalystsQuery() throws Exception {
        HttpResponse<String> response = ConsoleIT.post("/api/cypher", Map.of("query", "MATCH (f:Firm)\nRETURN f.name AS x, g"));
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("position").path("line").asInt()).isEqualTo(2);
        assertThat(problem.path("position").path("column").asInt()).isEqualTo(21);
        assertThat(problem.path("position").path("offset").asInt()).isEqualTo(35);
        assertThat(problem.path("detail").asText()).contains("line 2, column 21 (offset: 35)").doesNotContain("EXPLAIN");
    }
}
