package org.cstrat.server.simulation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.cstrat.sim.engine.SimulationEngine;
import org.cstrat.sim.engine.SimulationResult;
import org.cstrat.sim.model.Scenario;
import org.cstrat.sim.report.JsonOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's stored simulation runs: one per demo market, for its flagship firm, made when the demo loads from the
 * consultants' scenario file of that market ({@code simulations/scenarios/}, packaged as {@code scenarios/}) with
 * its own seed but only {@value #REPLICATIONS} replications, so that it takes a fraction of a second on a quiet machine. They give the
 * firm pages' "Past runs" and the analysts' {@code simulation_runs_by_npv.cypher} something to show on a fresh demo;
 * their standard errors say how rough they are (the same file at 2,000 replications: {@code ./cstrat simulate}).
 */
public final class DemoSimulationRuns {

    private static final Logger LOG = LoggerFactory.getLogger(DemoSimulationRuns.class);

    /**
     * Replications of each demo run: a rough estimate (the run's standard errors say how rough), cheap enough for the
     * demo load. Measured with the machine's 2 cores loaded 10-15-fold by other builds: the three runs took 11.7 s at 40
     * replications and 3.2 s at 12 in the demo load; at 12, 2.3 s with a cold JIT and 0.7 s warm in isolation.
     */
    public static final int REPLICATIONS = 12;

    /** A demo market's flagship firm and the scenario file it is simulated with. */
    public record Flagship(String market, String firm, String scenario) {
    }

    public static final List<Flagship> FLAGSHIPS = List.of(
            new Flagship("us-mobility", "zipcar", "mobility-curated"),
            new Flagship("us-chronic-health", "omada", "health-coach"),
            new Flagship("us-connected-fitness", "equinox", "fitness-auto"));

    private DemoSimulationRuns() {
    }

    /** Runs and stores the demo runs (ids {@code run-demo-<firm>}) in {@code runs}; returns how long it took, in ms. */
    public static long store(SimulationRunRepository runs) {
        long start = System.nanoTime();
        // same results on any number of threads (one stream per replication): use the cores the machine has
        save(runs, compute(Runtime.getRuntime().availableProcessors()));
        long ms = (System.nanoTime() - start) / 1_000_000;
        LOG.info("Demo simulation runs ({} firms, {} replications each) made and stored in {} ms", FLAGSHIPS.size(), REPLICATIONS, ms);
        return ms;
    }

    /**
     * Runs the demo runs on {@code threads} threads, without the graph: the demo load computes them while it writes the
     * markets (the same results on any number of threads: one stream per replication), and {@link #save}s them after.
     */
    public static List<StoredRun> compute(int threads) {
        Scenarios scenarios = new Scenarios();
        SimulationEngine engine = new SimulationEngine(threads);
        List<StoredRun> runs = new ArrayList<>();
        for (Flagship f : FLAGSHIPS) {
            String source = "scenarios/" + f.scenario() + ".json";
            Scenario file = scenarios.resolve(scenarios.parse(read(source), source), source, Optional.empty());
            Scenario scenario = new Scenario(file.name(), file.description(), f.firm(), file.parameters(), file.strategies(),
                    file.uncertainty(), file.run().withReplications(REPLICATIONS));
            SimulationResult result = engine.run(scenario);
            runs.add(new StoredRun("run-demo-" + f.firm(), f.firm(), null, scenario.name() + " (demo run)", Instant.now().toString(),
                    scenario.run().seed(), result.replications(), SimulationEngine.VERSION, JsonOutput.scenarioToJson(scenario),
                    JsonOutput.toJson(result), null, null, SimulationService.summaries(result)));
        }
        return List.copyOf(runs);
    }

    /** Stores runs made by {@link #compute} (their firms must exist). */
    public static void save(SimulationRunRepository repository, List<StoredRun> runs) {
        runs.forEach(repository::save);
    }

    private static String read(String resource) {
        try (InputStream in = DemoSimulationRuns.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource + " on the classpath (packaged from simulations/scenarios/)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
