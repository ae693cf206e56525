package org.cstrat.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cstrat.server.demo.SyntheticCustomerData;
import org.cstrat.server.neo4j.EmbeddedCredentials;
import org.cstrat.server.neo4j.GraphBootstrap;
import org.cstrat.server.neo4j.GraphConnection;
import org.cstrat.server.neo4j.UnassignedMarket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cstrat import} end to end on an embedded store of its own (no workbench runs on it). */
class ImportCommandIT {

    static final Path SAMPLES = Path.of("..", "cypher", "samples", "northwind");
    static final Path BAD = Path.of("src", "test", "resources", "import-samples", "bad");

    @TempDir
    Path data;

    @TempDir
    Path generated;

    record Run(int code, String out, String err) {
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    /** The markets a firm competes in, read from the embedded store the command used (closed again afterwards). */
    List<String> marketsOf(String firm) {
        try (GraphConnection graph = GraphConnection.openEmbedded(data, "127.0.0.1", 0, EmbeddedCredentials.resolve(data, Optional.empty()))) {
            return graph.driver().executableQuery("MATCH (:Firm {id: $firm})-[:COMPETES_IN]->(m:Market) RETURN m.id AS id ORDER BY id")
                    .withParameters(Map.of("firm", firm)).execute().records().stream().map(r -> r.get("id").asString()).toList();
        }
    }

    void createMarket(String id) {
        try (GraphConnection graph = GraphConnection.openEmbedded(data, "127.0.0.1", 0, EmbeddedCredentials.resolve(data, Optional.empty()))) {
            graph.driver().executableQuery("CREATE (:Market {id: $id, name: $id})").withParameters(Map.of("id", id)).execute();
        }
    }

    @Test
    void importsTheSamplesOnceRejectsBadFilesWithTheirPositionsAndExitCode2() throws IOException {
        Run first = run("import", "--firm", "northwind", "--data", data.toString(), SAMPLES.toString());
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("opening its embedded store", "Imported for 'northwind'", "0 updated interactions");

        Run again = run("import", "--firm", "northwind", "--data", data.toString(), SAMPLES.toString());
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains(" 0 new + ", "(0 new or changed)");
        // nothing changed, so nothing is reported as updated: only real changes count
        assertThat(again.out()).contains(": 0 changed;", "0 new + 0 updated records", "0 new + 0 updated interactions");

        // one interaction's amount and one customer's name edited: exactly those two count as updated
        Path edited = data.resolveSibling(data.getFileName() + "-edited");
        try {
            java.nio.file.Files.createDirectories(edited);
            for (Path f : java.nio.file.Files.list(SAMPLES).toList()) {
                java.nio.file.Files.copy(f, edited.resolve(f.getFileName().toString()));
            }
            Path interactions = edited.resolve("interactions.csv");
            List<String> rows = new java.util.ArrayList<>(java.nio.file.Files.readAllLines(interactions));
            int i = 1;
            while (!rows.get(i).contains(",respond,")) {
                i++;
            }
            String[] cells = rows.get(i).split(",", -1);
            cells[6] = "9999.5";
            rows.set(i, String.join(",", cells));
            java.nio.file.Files.write(interactions, rows);
            Path customers = edited.resolve("customers.csv");
            List<String> people = new java.util.ArrayList<>(java.nio.file.Files.readAllLines(customers));
            people.set(1, people.get(1).replace(",Person 1,", ",Person One,"));
            java.nio.file.Files.write(customers, people);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Run changed = run("import", "--firm", "northwind", "--data", data.toString(), edited.toString());
        assertThat(changed.code()).as(changed.err()).isZero();
        assertThat(changed.out()).contains("0 new + 1 updated records", "0 new + 1 updated interactions");

        assertThat(marketsOf("northwind")).as("a new firm without --market").containsExactly(UnassignedMarket.ID);

        Run unknown = run("import", "--firm", "northwind", "--market", "atlantis", "--data", data.toString(), SAMPLES.toString());
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("market: no market 'atlantis'");

        // an unassigned firm moves to the market it is given; a firm in a market then stays there
        createMarket("us-retail");
        Run placed = run("import", "--firm", "northwind", "--market", "us-retail", "--data", data.toString(), SAMPLES.toString());
        assertThat(placed.code()).as(placed.err()).isZero();
        assertThat(marketsOf("northwind")).containsExactly("us-retail");
        Run stays = run("import", "--firm", "northwind", "--data", data.toString(), SAMPLES.toString());
        assertThat(stays.code()).as(stays.err()).isZero();
        assertThat(marketsOf("northwind")).containsExactly("us-retail");
        createMarket("eu-retail");
        Run elsewhere = run("import", "--firm", "northwind", "--market", "eu-retail", "--data", data.toString(), SAMPLES.toString());
        assertThat(elsewhere.code()).isEqualTo(2);
        assertThat(elsewhere.err()).contains("firm 'northwind' already competes in us-retail");
        assertThat(marketsOf("northwind")).containsExactly("us-retail");

        Path southwind = Files.createDirectories(generated.resolve("southwind"));
        SyntheticCustomerData.write(SyntheticCustomerData.generate("southwind", 20, 7), southwind);
        Run fresh = run("import", "--firm", "southwind", "--market", "eu-retail", "--data", data.toString(), southwind.toString());
        assertThat(fresh.code()).as(fresh.err()).isZero();
        assertThat(marketsOf("southwind")).containsExactly("eu-retail");

        // a firm left in no market (an older graph): the start-up migration puts it in "Unassigned", once
        try (GraphConnection graph = GraphConnection.openEmbedded(data, "127.0.0.1", 0, EmbeddedCredentials.resolve(data, Optional.empty()))) {
            graph.driver().executableQuery("CREATE (:Firm {id: 'legacy', name: 'Legacy', status: 'active'})").execute();
            assertThat(new GraphBootstrap(graph.driver()).placeOrphanFirms()).isEqualTo(1);
            assertThat(new GraphBootstrap(graph.driver()).placeOrphanFirms()).isZero();
        }
        assertThat(marketsOf("legacy")).containsExactly(UnassignedMarket.ID);

        Run bad = run("import", "--firm", "bad-sample", "--data", data.toString(), BAD.toString());
        assertThat(bad.code()).isEqualTo(2);
        List<String> lines = bad.err().lines().toList();
        assertThat(lines).contains(
                "channels.csv:3:3: 'screen' is not one of [device, digital, physical, voice]",
                "crm-customers.csv:3:4: '05/01/2024' is not a date (YYYY-MM-DD)",
                "crm-customers.csv:3:5: 'bob-at-example.com' is not an e-mail address like name@example.com",
                "crm-customers.csv:4:2: duplicate customer record 'crm/1' (first defined at crm-customers.csv:2)",
                "touchpoints.csv:3:5: 'maybe' is not a boolean (true/false)",
                "touchpoints.csv:3:3: unknown channel 'fax': not in a channels.csv file and not in the graph",
                "actors.csv:2:1: the file has a header but no rows",
                "empty-customers.csv:2:1: the file has a header but no rows",
                "web-customers.csv:1:1: the file is empty: a header line and at least one row are expected");
        assertThat(lines).anyMatch(l -> l.startsWith("interactions.csv:2:5: '2024-02-30T10:00:00Z' is not a timestamp"))
                .anyMatch(l -> l.startsWith("interactions.csv:3:7: '1,234.50' is not an amount"))
                .anyMatch(l -> l.startsWith("interactions.csv:4:4: unknown touchpoint 'bad-phone'"))
                .anyMatch(l -> l.startsWith("interactions.csv:5:1: duplicate interaction 'crm/i3'"))
                .anyMatch(l -> l.startsWith("loyalty-customers.csv:2:13: not valid UTF-8 (byte 0xeb"))
                .anyMatch(l -> l.startsWith("cstrat: The import was rejected"));
    }
}
