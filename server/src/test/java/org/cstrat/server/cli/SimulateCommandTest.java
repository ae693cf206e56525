package org.cstrat.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cstrat simulate} on the shipped scenarios and on bad ones. */
class SimulateCommandTest {

    static final Path SCENARIOS = Path.of("..", "simulations", "scenarios");

    @TempDir
    Path temp;

    @Test
    void runsAShippedScenarioAndWritesJsonAndCsv() throws IOException {
        Path json = temp.resolve("results.json");
        var run = CommandLineTest.run("simulate", SCENARIOS.resolve("mobility-curated.json").toString(),
                "--runs", "40", "--seed", "7", "--threads", "2", "--out", json.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("respond-flat", "curated-flat", "curated-loyalty", "P(A beats B)");
        assertThat(run.err()).contains("simulating: 100% (40/40)");
        JsonNode result = new ObjectMapper().readTree(json.toFile());
        assertThat(result.toString()).contains("curated-loyalty");

        Path csv = temp.resolve("results.csv");
        var again = CommandLineTest.run("simulate", SCENARIOS.resolve("mobility-curated.json").toString(),
                "--runs", "40", "--seed", "7", "--threads", "1", "--out", csv.toString());
        assertThat(again.code()).isZero();
        assertThat(Files.readAllLines(csv).get(0)).startsWith("section,strategy,item");
        assertThat(stripTiming(again.out())).as("same seed, 1 or 2 threads: same table").isEqualTo(stripTiming(run.out()));
    }

    private static String stripTiming(String table) {
        return table.lines().filter(l -> !l.startsWith("Wrote ") && !l.contains(" s elapsed")).reduce("", (a, b) -> a + b + "\n");
    }

    @Test
    void badScenarioListsEveryErrorWithItsPathAndRunsNothing() throws IOException {
        Path bad = Files.writeString(temp.resolve("bad.json"), """
                {"name": "bad", "colour": "red",
                 "parameters": {"segments": [{"name": "a", "initialCustomers": -5, "baseChurn": 1.5}]},
                 "strategies": [{"name": "s", "experience": "respond_to_desire", "personalisationLevel": 1,
                                 "billing": {"model": "flat_price", "price": 10}}]}
                """);
        Path out = temp.resolve("r.json");
        var run = CommandLineTest.run("simulate", bad.toString(), "--out", out.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("$.colour").contains("initialCustomers").contains("-5").contains("baseChurn").contains("1.5");
        assertThat(out).doesNotExist();
        assertThat(run.out()).doesNotContain("NPV");
    }

    @Test
    void aBadScenarioIsRefusedBeforeSparkExactlyAsInProcess() throws IOException {
        Path bad = Files.writeString(temp.resolve("bad.json"), """
                {"name": "bad", "parameters": {"segments": [{"name": "a", "baseChurn": 1.5}]},
                 "strategies": [{"name": "s", "experience": "respond_to_desire", "personalisationLevel": 1,
                                 "billing": {"model": "flat_price", "price": 10}}]}
                """);
        var inProcess = CommandLineTest.run("simulate", bad.toString());
        // this test JVM has no Spark module: reaching it would exit 1, so exit 2 shows the refusal came first
        var onSpark = CommandLineTest.run("simulate", bad.toString(), "--spark-master", "spark://127.0.0.1:9");
        assertThat(onSpark.code()).isEqualTo(2).isEqualTo(inProcess.code());
        assertThat(onSpark.err()).isEqualTo(inProcess.err()).contains("baseChurn");
        var tooLarge = CommandLineTest.run("simulate", SCENARIOS.resolve("mobility-curated.json").toString(), "--runs", "10000000",
                "--spark-master", "local[2]");
        assertThat(tooLarge.code()).as(tooLarge.err()).isEqualTo(2);
        assertThat(tooLarge.err()).contains("$.run.replications (--runs) = 10000000");
    }

    @Test
    void sparkWithoutTheSparkModuleIsOneLineAndExit1() {
        var run = CommandLineTest.run("simulate", SCENARIOS.resolve("mobility-curated.json").toString(), "--runs", "5",
                "--spark-master", "local[2]");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err().strip()).startsWith("cstrat: --spark-master needs the Spark module").doesNotContain("\n");
        assertThat(CommandLineTest.run("simulate", SCENARIOS.resolve("mobility-curated.json").toString(), "--spark-partitions", "4")
                .code()).as("--spark-partitions alone").isEqualTo(2);
        var threads = CommandLineTest.run("simulate", SCENARIOS.resolve("mobility-curated.json").toString(), "--threads", "2",
                "--spark-master", "local[2]");
        assertThat(threads.code()).isEqualTo(2);
        assertThat(threads.err()).contains("spark.task.cpus");
    }

    @Test
    void badOptionsAreUsageErrors() {
        String scenario = SCENARIOS.resolve("mobility-curated.json").toString();
        assertThat(CommandLineTest.run("simulate", scenario, "--runs", "0").code()).isEqualTo(2);
        assertThat(CommandLineTest.run("simulate", scenario, "--out", "x.txt").code()).isEqualTo(2);
        assertThat(CommandLineTest.run("simulate", scenario, "--tornado", "no-such-strategy").code()).isEqualTo(2);
        assertThat(CommandLineTest.run("simulate", temp.resolve("missing.json").toString()).code()).isEqualTo(2);
        assertThat(CommandLineTest.run("simulate", "--help").out()).contains("--runs", "--seed", "--threads", "--out", "--tornado", "--heatmap");
    }

    @Test
    void aFirmScenarioWithoutARunningWorkbenchSaysSo() throws IOException {
        Path firm = Files.writeString(temp.resolve("firm.json"), """
                {"name": "zipcar-curated", "firm": "zipcar",
                 "strategies": [{"name": "s", "experience": "curated_offering", "personalisationLevel": 2,
                                 "billing": {"model": "flat_price", "price": 12}}]}
                """);
        var run = CommandLineTest.run("simulate", firm.toString(), "--data", temp.resolve("nothing-here").toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("No running workbench found");
    }

    @Test
    void tornadoAndHeatmapAreDrawnAsTables() {
        var run = CommandLineTest.run("simulate", SCENARIOS.resolve("health-coach.json").toString(), "--runs", "10",
                "--tornado", firstStrategy("health-coach.json"), "--heatmap", firstStrategy("health-coach.json"));
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).containsIgnoringCase("tornado").containsIgnoringCase("heatmap");
        // the heatmap says how it bills its cells, and the strategy's own cell (*) is the main table's NPV
        assertThat(run.out()).contains("only the strategy's own cell", "Billing per column", "* coach_behavior x peer_to_peer: subscription");
        // every money figure says its currency (the scenario names none: USD)
        assertThat(run.out()).contains("money in USD", "NPV mean (USD)", "NPV at low (USD)", "mean NPV +/- SE in USD");
        String strategy = firstStrategy("health-coach.json");
        String mainRow = run.out().lines().filter(l -> l.startsWith(strategy + " ")).findFirst().orElseThrow();
        String mainNpv = mainRow.trim().split("\\s{2,}")[4];
        String heatRow = run.out().lines().filter(l -> l.startsWith("coach_behavior ")).filter(l -> l.contains(" *")).findFirst().orElseThrow();
        assertThat(heatRow).contains(mainNpv + " +/- ");
    }

    @Test
    void anOutThatCannotBeWrittenIsAUsageErrorBeforeAnythingRuns() throws IOException {
        String scenario = SCENARIOS.resolve("mobility-curated.json").toString();
        var noDirectory = CommandLineTest.run("simulate", scenario, "--out", temp.resolve("missing/r.json").toString());
        assertThat(noDirectory.code()).isEqualTo(2);
        assertThat(noDirectory.err()).contains("--out", "does not exist");
        assertThat(noDirectory.out()).doesNotContain("NPV");

        Path directory = Files.createDirectory(temp.resolve("results.json"));
        var isDirectory = CommandLineTest.run("simulate", scenario, "--out", directory.toString());
        assertThat(isDirectory.code()).isEqualTo(2);
        assertThat(isDirectory.err()).contains("--out", "is a directory");

        Path file = Files.writeString(temp.resolve("plain"), "x");
        var parentIsAFile = CommandLineTest.run("simulate", scenario, "--out", file.resolve("r.csv").toString());
        assertThat(parentIsAFile.code()).isEqualTo(2);
        assertThat(parentIsAFile.err()).contains("--out", "it is a file");
    }

    @Test
    void outputsThatCannotFitAnArrayAreRefusedNamingTheFieldInsteadOfCrashing() throws IOException {
        // 10 M replications × 600 periods: a NegativeArraySizeException before.
        Path out = temp.resolve("r.json");
        Path file = Files.writeString(temp.resolve("long.json"), LONG_HORIZON.formatted(100));
        var runs = CommandLineTest.run("simulate", file.toString(), "--runs", "10000000", "--out", out.toString());
        assertThat(runs.code()).as(runs.err()).isEqualTo(2);
        assertThat(runs.err()).contains("$.run.replications (--runs) = 10000000", "exceed one array's limit", "at most 1,764,571 replications");
        assertThat(runs.err()).doesNotContain("-Xmx");
        assertThat(runs.out()).doesNotContain("NPV");
        assertThat(out).doesNotExist();

        Path inFile = Files.writeString(temp.resolve("many.json"), LONG_HORIZON.formatted(10_000_000));
        var fromFile = CommandLineTest.run("simulate", inFile.toString());
        assertThat(fromFile.code()).isEqualTo(2);
        assertThat(fromFile.err()).contains("$.run.replications = 10000000");
    }

    @Test
    void aRunBeyondThisJvmsHeapIsRefusedBeforeItStarts() throws IOException {
        // 1.7 M replications × 1217 outputs × 8 bytes, twice: about 31 GiB, more than any test JVM's heap.
        Path file = Files.writeString(temp.resolve("wide.json"), LONG_HORIZON.formatted(1_700_000));
        var run = CommandLineTest.run("simulate", file.toString());
        assertThat(run.code()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("$.run.replications = 1700000", "GiB of heap", "it would also take about", "JAVA_OPTS=-Xmx");
        assertThat(run.out()).doesNotContain("NPV");
    }

    /** One small segment over 600 periods; the replications are filled in. */
    static final String LONG_HORIZON = """
            {"name": "long", "parameters": {"periods": 600, "segments": [{"name": "a", "initialCustomers": 10}]},
             "strategies": [{"name": "s", "experience": "respond_to_desire", "personalisationLevel": 1,
                             "billing": {"model": "flat_price", "price": 10}}],
             "run": {"replications": %d}}
            """;

    private static String firstStrategy(String scenario) {
        try {
            return new ObjectMapper().readTree(SCENARIOS.resolve(scenario).toFile()).path("strategies").get(0).path("name").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aScenarioFileThatIsNotUtf8IsOneLineSayingHowToSaveIt() throws IOException {
        String json = Files.readString(SCENARIOS.resolve("mobility-curated.json"));
        Path utf16 = temp.resolve("utf16.json");
        Files.write(utf16, json.getBytes(java.nio.charset.StandardCharsets.UTF_16)); // with a byte-order mark
        var withBom = CommandLineTest.run("simulate", utf16.toString());
        assertThat(withBom.code()).isEqualTo(2);
        assertThat(withBom.err().lines().toList()).containsExactly("cstrat: scenario file " + utf16
                + " is UTF-16 text (it starts with a UTF-16 byte-order mark): save it as UTF-8");

        Path noBom = Files.write(temp.resolve("utf16le.json"), json.getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
        var withNuls = CommandLineTest.run("simulate", noBom.toString());
        assertThat(withNuls.code()).isEqualTo(2);
        assertThat(withNuls.err().lines().toList()).hasSize(1).first().asString().contains("a NUL byte at byte 1", "save it as UTF-8");

        Path latin1 = Files.write(temp.resolve("latin1.json"), json.replace("\"name\": \"", "\"name\": \"Caf\u00e9 ")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        var notUtf8 = CommandLineTest.run("simulate", latin1.toString());
        assertThat(notUtf8.err().lines().toList()).hasSize(1).first().asString().contains("is not UTF-8 text (at byte ");

        Path utf8Bom = temp.resolve("bom.json");
        Files.write(utf8Bom, ("\uFEFF" + json).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var bom = CommandLineTest.run("simulate", utf8Bom.toString(), "--runs", "20", "--threads", "1");
        assertThat(bom.code()).as(bom.err()).isZero();
    }

    @Test
    void aScenarioFileThatIsMissingOrADirectorySaysSo() throws IOException {
        var missing = CommandLineTest.run("simulate", temp.resolve("missing.json").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err().lines().toList()).containsExactly("cstrat: cannot read scenario file " + temp.resolve("missing.json") + ": no such file");
        Path dir = Files.createDirectory(temp.resolve("dir.json"));
        assertThat(CommandLineTest.run("simulate", dir.toString()).err()).contains("it is a directory, not a file");
    }

    @Test
    void anOutInADirectoryThatDoesNotExistIsRefusedBeforeRunningInOneLine() {
        var run = CommandLineTest.run("simulate", SCENARIOS.resolve("mobility-curated.json").toString(), "--out", "/nonexistent/dir/x.json");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().lines().findFirst()).hasValue("cstrat: --out: the directory /nonexistent/dir does not exist; create it first");
        assertThat(run.err()).doesNotContain("Exception", "\tat ");
        assertThat(run.out()).as("nothing ran").isEmpty();
    }
}
