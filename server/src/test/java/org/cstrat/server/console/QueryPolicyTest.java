package org.cstrat.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The plan rules on plans shaped as Neo4j 5.26 writes them (operator types and details as EXPLAIN returns them). */
class QueryPolicyTest {

    private static QueryPolicy.Step step(String operator, String details, QueryPolicy.Step... children) {
        return new QueryPolicy.Step(operator, "neo4j", details, List.of(children));
    }

    private static QueryPolicy.Step procedure(String details) {
        return step("ProduceResults", "x", step("ProcedureCall", details));
    }

    @Test
    void procedureNamesAreReadFromThePlannersDetails() {
        assertThat(QueryPolicy.procedureName("db.labels() :: (label :: STRING)")).isEqualTo("db.labels");
        assertThat(QueryPolicy.procedureName("dbms.killConnections($autolist_0) :: (connectionId :: STRING)")).isEqualTo("dbms.killConnections");
        assertThat(QueryPolicy.procedureName("`db`.`schema`.`visualization`()")).isEqualTo("db.schema.visualization");
    }

    @Test
    void readsAndAllowedProceduresPass() {
        assertThat(QueryPolicy.check("READ_ONLY", step("ProduceResults", "f", step("NodeByLabelScan", "f:Firm")), "neo4j", "q")).isEmpty();
        assertThat(QueryPolicy.check("READ_ONLY", procedure("db.labels() :: (label :: STRING)"), "neo4j", "q")).isEmpty();
        assertThat(QueryPolicy.check("READ_ONLY", procedure("db.schema.nodeTypeProperties() :: (nodeType :: STRING)"), "neo4j", "q")).isEmpty();
        assertThat(QueryPolicy.check("READ_ONLY", step("ProduceResults", "", step("ShowIndexes", "allIndexes")), "neo4j", "q")).isEmpty();
    }

    @Test
    void serverProceduresAndCommandsAreRefused() {
        var kill = QueryPolicy.check("SCHEMA_WRITE", procedure("dbms.killConnections($autolist_0) :: (connectionId :: STRING)"), "neo4j", "q");
        assertThat(kill).hasValueSatisfying(r -> {
            assertThat(r.kind()).isEqualTo(ConsoleException.Kind.FORBIDDEN);
            assertThat(r.message()).contains("dbms.killConnections").contains("administer");
        });
        // A procedure outside the list is refused even when the database calls it a read.
        assertThat(QueryPolicy.check("READ_ONLY", procedure("db.info() :: (id :: STRING)"), "neo4j", "q"))
                .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo("Cstrat.Console.ProcedureNotAllowed"));
        for (String op : List.of("ShowSettings", "ShowTransactions", "TerminateTransactions", "ShowProcedures", "LoadCSV", "TransactionApply")) {
            assertThat(QueryPolicy.check("READ_ONLY", step("ProduceResults", "", step(op, "")), "neo4j", "q")).as(op)
                    .hasValueSatisfying(r -> assertThat(r.kind()).isEqualTo(ConsoleException.Kind.FORBIDDEN));
        }
        var admin = new QueryPolicy.Step("AdministrationCommand", "system", "", List.of());
        assertThat(QueryPolicy.check("SCHEMA_WRITE", admin, "neo4j", "SHOW USERS"))
                .hasValueSatisfying(r -> assertThat(r.message()).contains("'SHOW USERS'").contains("administration command"));
        var elsewhere = new QueryPolicy.Step("ProduceResults", "system", "", List.of());
        assertThat(QueryPolicy.check("READ_ONLY", elsewhere, "neo4j", "q")).isPresent();
    }

    @Test
    void writesAreRefusedAsReadOnly() {
        var create = QueryPolicy.check("READ_WRITE", step("ProduceResults", "n", step("Create", "(n)")), "neo4j", "q");
        assertThat(create).hasValueSatisfying(r -> {
            assertThat(r.kind()).isEqualTo(ConsoleException.Kind.READ_ONLY);
            assertThat(r.message()).contains("READ_WRITE").contains("Create");
        });
    }

    @Test
    void syntaxPositionsAreShiftedBackIntoTheAnalystsQuery() {
        assertThat(Neo4jCypherConsole.shiftPositions("Variable `g` not defined (line 3, column 20 (offset: 42))"))
                .isEqualTo("Variable `g` not defined (line 2, column 20 (offset: 34))");
    }
}
