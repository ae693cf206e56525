package org.cstrat.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import org.cstrat.server.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cstrat import} end to end on an embedded store of its own (no workbench runs on it). */
class ImportCommandIT {

    static final Path SAMPLES = Path.of("..", "cypher", "samples", "northwind");
    static final Path BAD = Path.of("src", "test", "resources", "import-samples", "bad");

    @TempDir
    Path data;

    record Run(int code, String out, String err) {
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void importsTheSamplesOnceRejectsBadFilesWithTheirPositionsAndExitCode2() {
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
