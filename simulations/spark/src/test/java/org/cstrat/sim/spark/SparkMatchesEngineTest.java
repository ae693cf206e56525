package org.cstrat.sim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.cstrat.sim.compare.Heatmap;
import org.cstrat.sim.compare.HeatmapMapping;
import org.cstrat.sim.compare.Tornado;
import org.cstrat.sim.engine.CancellationToken;
import org.cstrat.sim.engine.ProgressListener;
import org.cstrat.sim.engine.SimulationEngine;
import org.cstrat.sim.engine.SimulationResult;
import org.cstrat.sim.model.Scenario;
import org.cstrat.sim.report.JsonOutput;
import org.cstrat.sim.scenario.ScenarioReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Spark on {@code local[2]} gives the in-process engine's JSON, less the timing, on every shipped scenario, for the
 * tornado and the heatmap, and with early stopping. One Spark context for the class (its start takes seconds).
 */
class SparkMatchesEngineTest {
    static final Path SCENARIOS = Path.of("..", "scenarios");
    private static final SimulationEngine ENGINE = new SimulationEngine(2);
    private static JavaSparkContext spark;
    private static SparkSimulationRunner runner;

    @BeforeAll
    static void start() {
        spark = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("SparkMatchesEngineTest")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1"));
        runner = new SparkSimulationRunner(spark, 0);
    }

    @AfterAll
    static void stop() {
        runner.close();
        spark.stop();
    }

    static Stream<Path> shippedScenarios() throws IOException {
        try (Stream<Path> files = Files.list(SCENARIOS)) {
            List<Path> list = files.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".expected.json")
                    && !p.getFileName().toString().equals("scenario.schema.json")).sorted().toList();
            assertTrue(list.size() >= 3, "shipped scenarios in " + SCENARIOS.toAbsolutePath() + ": " + list);
            return list.stream();
        }
    }

    static Scenario read(Path file, int runs, long seed) {
        Scenario s = new ScenarioReader().readSelfContained(file);
        return s.withRun(s.run().withReplications(runs).withSeed(seed));
    }

    static String json(SimulationResult r) {
        return JsonOutput.toJson(r.withoutTiming());
    }

    @ParameterizedTest
    @MethodSource("shippedScenarios")
    void eachShippedScenarioGivesTheEnginesJson(Path file) {
        Scenario scenario = read(file, 37, 42); // 37: ranges of unequal length over the 8 partitions
        List<long[]> progress = new ArrayList<>();
        SimulationResult onSpark = runner.run(scenario, (done, total) -> progress.add(new long[] {done, total}), new CancellationToken());
        assertEquals(json(ENGINE.run(scenario)), json(onSpark), file.toString());
        long[] last = progress.get(progress.size() - 1);
        assertEquals(37, last[0], "progress ends at the total");
        assertEquals(37, last[1]);
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i)[0] >= progress.get(i - 1)[0], "progress never goes back");
        }
    }

    @Test
    void tornadoAndHeatmapGiveTheEnginesResults() {
        Scenario scenario = read(SCENARIOS.resolve("mobility-curated.json"), 20, 7);
        List<String> only = Tornado.parameters(scenario, "curated-flat").stream().map(p -> p.path()).limit(4).toList();
        assertEquals(JsonOutput.toJson(new Tornado(ENGINE).run(scenario, "curated-flat", 0.2, 12, only, ProgressListener.NONE,
                        new CancellationToken())),
                JsonOutput.toJson(new Tornado(runner).run(scenario, "curated-flat", 0.2, 12, only, ProgressListener.NONE,
                        new CancellationToken())));
        assertEquals(JsonOutput.toJson(new Heatmap(ENGINE, HeatmapMapping.defaults()).run(scenario, "curated-flat", 6,
                        ProgressListener.NONE, new CancellationToken())),
                JsonOutput.toJson(new Heatmap(runner, HeatmapMapping.defaults()).run(scenario, "curated-flat", 6,
                        ProgressListener.NONE, new CancellationToken())));
    }

    /** The job jar's main class, as spark-submit runs it: it takes the running context (here this class's local[2]). */
    @Test
    void sparkSubmitsMainWritesTheEnginesResultAndRefusesBadArguments(@org.junit.jupiter.api.io.TempDir Path temp) throws IOException {
        Path file = SCENARIOS.resolve("health-coach.json");
        Path out = temp.resolve("r.json");
        assertEquals(0, SparkSimulate.run(new String[] {file.toString(), "--runs", "21", "--seed", "5", "--partitions", "4",
                "--out", out.toString()}));
        com.fasterxml.jackson.databind.JsonNode written = JsonOutput.mapper().readTree(out.toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) written).put("elapsedMillis", 0);
        assertEquals(JsonOutput.mapper().readTree(json(ENGINE.run(read(file, 21, 5)))), written);
        assertEquals(2, SparkSimulate.run(new String[] {}));
        assertEquals(2, SparkSimulate.run(new String[] {file.toString(), "--runs", "many"}));
        assertEquals(2, SparkSimulate.run(new String[] {temp.resolve("missing.json").toString()}));
    }

    @Test
    void cancellingStopsTheJobPromptly() throws Exception {
        Scenario scenario = read(SCENARIOS.resolve("mobility-curated.json"), 100_000, 1); // minutes of work
        CancellationToken cancel = new CancellationToken();
        java.util.concurrent.CompletableFuture<Throwable> outcome = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                runner.run(scenario, ProgressListener.NONE, cancel);
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        });
        Thread.sleep(1500);
        long start = System.nanoTime();
        cancel.cancel();
        Throwable t = outcome.get(30, java.util.concurrent.TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(t instanceof org.cstrat.sim.engine.SimulationCancelledException, String.valueOf(t));
        assertTrue(seconds < 5, "stopped after " + seconds + " s");
        // the context is still usable afterwards: the killed tasks are gone
        Scenario small = read(SCENARIOS.resolve("mobility-curated.json"), 8, 2);
        assertEquals(json(ENGINE.run(small)), json(runner.run(small, ProgressListener.NONE, new CancellationToken())));
    }

    @Test
    void earlyStoppingStopsAtTheEnginesBatch() {
        Scenario base = read(SCENARIOS.resolve("health-coach.json"), 400, 3);
        Scenario scenario = base.withRun(new org.cstrat.sim.model.RunSettings(400, 3, 16, 0.05));
        SimulationResult inProcess = ENGINE.run(scenario);
        assertTrue(inProcess.stoppedEarly() && inProcess.replications() < 400,
                "the test needs a run that stops early, stopped at " + inProcess.replications());
        assertEquals(json(inProcess), json(runner.run(scenario, ProgressListener.NONE, new CancellationToken())));
    }
}
