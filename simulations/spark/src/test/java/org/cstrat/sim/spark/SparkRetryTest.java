package org.cstrat.sim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.cstrat.sim.engine.CancellationToken;
import org.cstrat.sim.engine.ProgressListener;
import org.cstrat.sim.engine.SimulationEngine;
import org.cstrat.sim.model.Scenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A task that fails once is retried by Spark ({@code local[2,2]}: two attempts per task) and the merged result is still
 * the engine's, on several partitions.
 */
class SparkRetryTest {
    /** Tasks run in this JVM on local masters, so the injected fault can count here what it did. */
    static final AtomicInteger INJECTED = new AtomicInteger();
    private static JavaSparkContext spark;

    @BeforeAll
    static void start() {
        spark = new JavaSparkContext(new SparkConf().setMaster("local[2,2]").setAppName("SparkRetryTest")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1"));
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void aTaskThatFailsOnceIsRetriedAndTheResultIsUnchanged() {
        Scenario scenario = SparkMatchesEngineTest.read(SparkMatchesEngineTest.SCENARIOS.resolve("fitness-auto.json"), 45, 11);
        RangeTask.Fault failThirdPartitionOnce = (partition, attempt) -> {
            if (partition == 3 && attempt == 0) {
                INJECTED.incrementAndGet();
                throw new IllegalStateException("injected failure of partition 3, attempt 0");
            }
        };
        try (SparkSimulationRunner runner = new SparkSimulationRunner(spark, 7, false, failThirdPartitionOnce)) {
            String onSpark = SparkMatchesEngineTest.json(runner.run(scenario, ProgressListener.NONE, new CancellationToken()));
            assertEquals(1, INJECTED.get(), "the fault fired once, and Spark retried the task");
            assertEquals(SparkMatchesEngineTest.json(new SimulationEngine(1).run(scenario)), onSpark);
        }
    }
}
