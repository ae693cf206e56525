package org.cstrat.server.simulation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cstrat.server.NotFoundException;
import org.cstrat.sim.compare.Heatmap;
import org.cstrat.sim.compare.HeatmapMapping;
import org.cstrat.sim.compare.HeatmapResult;
import org.cstrat.sim.compare.Tornado;
import org.cstrat.sim.compare.TornadoResult;
import org.cstrat.sim.engine.CancellationToken;
import org.cstrat.sim.engine.SimulationCancelledException;
import org.cstrat.sim.engine.SimulationEngine;
import org.cstrat.sim.engine.SimulationResult;
import org.cstrat.sim.engine.StrategyResult;
import org.cstrat.sim.model.Scenario;
import org.cstrat.sim.report.JsonOutput;
import org.cstrat.sim.scenario.ScenarioError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulations of a firm from the browser and the API: a request is validated at once (errors name
 * their JSON path), then runs as a background job (one at a time, all cores) whose progress can be
 * polled and which can be cancelled; a finished run is stored in the graph as a {@code SimulationRun}.
 */
public final class SimulationService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimulationService.class);
    /** Upper bound on replications for one run requested over HTTP, to protect the server. */
    public static final int MAX_REPLICATIONS = 20_000;
    /** Replications per tornado evaluation and per heatmap cell. */
    public static final int ANALYSIS_REPLICATIONS = 200;
    private static final int KEPT_JOBS = 100;
    private static final Set<String> REQUEST_FIELDS = Set.of("name", "description", "parameters", "strategies", "uncertainty", "run", "analyses");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FirmCalibration calibration;
    private final SimulationRunRepository runs;
    private final SimulationEngine engine;
    private final Clock clock;
    private final Scenarios scenarios = new Scenarios();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "cstrat-simulation-jobs");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Job> jobs = new LinkedHashMap<>();

    public SimulationService(FirmCalibration calibration, SimulationRunRepository runs, SimulationEngine engine, Clock clock) {
        this.calibration = calibration;
        this.runs = runs;
        this.engine = engine;
        this.clock = clock;
    }

    /** Which extra analyses a run includes, and for which of its strategies (default: the first). */
    public record Analyses(boolean tornado, boolean heatmap, String strategy) {
    }

    /** A job's state: {@code queued}, {@code running}, {@code done}, {@code failed} or {@code cancelled}. */
    public record JobStatus(String id, String firmId, String state, String phase, long done, long total,
                            String runId, String error) {
    }

    /** Validates the request and queues it; returns the queued job's status. */
    public JobStatus start(String firmId, JsonNode body) {
        runs.firmName(firmId).orElseThrow(() -> new NotFoundException("firm", firmId));
        List<ScenarioError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw new ScenarioInputException("request", List.of(new ScenarioError("$", String.valueOf(body), "must be a JSON object")));
        }
        ObjectNode document = JSON.createObjectNode();
        document.put("name", body.path("name").asText(firmId + " strategies"));
        document.put("firm", firmId);
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!REQUEST_FIELDS.contains(field)) {
                errors.add(new ScenarioError("$." + field, body.get(field).toString(), "unknown field; allowed: " + REQUEST_FIELDS));
            } else if (!field.equals("analyses") && !field.equals("name")) {
                document.set(field, body.get(field));
            }
        }
        Analyses analyses = analyses(body.path("analyses"), errors);
        Scenario scenario = null;
        try {
            scenario = scenarios.resolve(scenarios.parse(document.toString(), "request"), "request", Optional.of(calibration));
        } catch (ScenarioInputException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw new ScenarioInputException("request", errors);
        }
        if (scenario.run().replications() > MAX_REPLICATIONS) {
            throw new ScenarioInputException("request", List.of(new ScenarioError("$.run.replications",
                    Integer.toString(scenario.run().replications()), "at most " + MAX_REPLICATIONS + " replications per run here")));
        }
        String strategy = analyses.strategy() == null ? scenario.strategies().get(0).name() : analyses.strategy();
        if (scenario.strategies().stream().noneMatch(s -> s.name().equals(strategy))) {
            throw new ScenarioInputException("request", List.of(new ScenarioError("$.analyses.strategy", strategy, "no strategy of this name")));
        }
        Job job = new Job("j-" + UUID.randomUUID().toString().substring(0, 12), firmId, scenario,
                new Analyses(analyses.tornado(), analyses.heatmap(), strategy));
        synchronized (jobs) {
            jobs.put(job.id, job);
            while (jobs.size() > KEPT_JOBS) {
                jobs.remove(jobs.keySet().iterator().next());
            }
        }
        JobStatus accepted = job.status(); // queued: the state at acceptance, whatever the worker does next
        executor.submit(job::run);
        return accepted;
    }

    private static Analyses analyses(JsonNode node, List<ScenarioError> errors) {
        if (node.isMissingNode() || node.isNull()) {
            return new Analyses(false, false, null);
        }
        if (!node.isObject()) {
            errors.add(new ScenarioError("$.analyses", node.toString(), "must be an object {tornado, heatmap, strategy}"));
            return new Analyses(false, false, null);
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!Set.of("tornado", "heatmap", "strategy").contains(field)) {
                errors.add(new ScenarioError("$.analyses." + field, node.get(field).toString(), "unknown field; allowed: tornado, heatmap, strategy"));
            }
        }
        boolean tornado = flag(node, "tornado", errors);
        boolean heatmap = flag(node, "heatmap", errors);
        JsonNode strategy = node.path("strategy");
        if (!strategy.isMissingNode() && !strategy.isNull() && !strategy.isTextual()) {
            errors.add(new ScenarioError("$.analyses.strategy", strategy.toString(), "must be a strategy name"));
        }
        return new Analyses(tornado, heatmap, strategy.isTextual() ? strategy.asText() : null);
    }

    private static boolean flag(JsonNode node, String field, List<ScenarioError> errors) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            errors.add(new ScenarioError("$.analyses." + field, value.toString(), "must be true or false"));
            return false;
        }
        return value.asBoolean();
    }

    public Optional<JobStatus> job(String jobId) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(jobId)).map(Job::status);
        }
    }

    /** Asks a queued or running job to stop; returns its status. */
    public JobStatus cancel(String jobId) {
        Job job;
        synchronized (jobs) {
            job = jobs.get(jobId);
        }
        if (job == null) {
            throw new NotFoundException("simulation job", jobId);
        }
        job.cancel.cancel();
        return job.status();
    }

    public String firmName(String firmId) {
        return runs.firmName(firmId).orElseThrow(() -> new NotFoundException("firm", firmId));
    }

    public List<StoredRun> runs(String firmId) {
        firmName(firmId);
        return runs.list(firmId, 50);
    }

    public StoredRun run(String runId) {
        return runs.find(runId).orElseThrow(() -> new NotFoundException("simulation run", runId));
    }

    @Override
    public void close() {
        synchronized (jobs) {
            jobs.values().forEach(j -> j.cancel.cancel());
        }
        executor.shutdownNow();
    }

    /** One queued or running simulation; its fields are read by pollers while the worker writes them. */
    private final class Job {
        final String id;
        final String firmId;
        final Scenario scenario;
        final Analyses analyses;
        final CancellationToken cancel = new CancellationToken();
        volatile String state = "queued";
        volatile String phase = "simulation";
        volatile long done;
        volatile long total;
        volatile String runId;
        volatile String error;

        Job(String id, String firmId, Scenario scenario, Analyses analyses) {
            this.id = id;
            this.firmId = firmId;
            this.scenario = scenario;
            this.analyses = analyses;
            this.total = scenario.run().replications();
        }

        JobStatus status() {
            return new JobStatus(id, firmId, state, phase, done, total, runId, error);
        }

        void progress(String currentPhase, long d, long t) {
            phase = currentPhase;
            done = d;
            total = t;
        }

        void run() {
            if (cancel.isCancelled()) {
                state = "cancelled";
                return;
            }
            state = "running";
            try {
                SimulationResult result = engine.run(scenario, (d, t) -> progress("simulation", d, t), cancel);
                TornadoResult tornado = null;
                HeatmapResult heatmap = null;
                int replications = Math.max(2, Math.min(scenario.run().replications(), ANALYSIS_REPLICATIONS));
                if (analyses.tornado()) {
                    tornado = new Tornado(engine).run(scenario, analyses.strategy(), 0.2, replications, List.of(),
                            (d, t) -> progress("tornado", d, t), cancel);
                }
                if (analyses.heatmap()) {
                    heatmap = new Heatmap(engine, HeatmapMapping.defaults()).run(scenario, analyses.strategy(), replications,
                            (d, t) -> progress("heatmap", d, t), cancel);
                }
                phase = "storing";
                String id = "run-" + UUID.randomUUID().toString().substring(0, 12);
                runs.save(new StoredRun(id, firmId, null, scenario.name(), Instant.now(clock).toString(), scenario.run().seed(),
                        result.replications(), SimulationEngine.VERSION, JsonOutput.scenarioToJson(scenario),
                        JsonOutput.toJson(result), tornado == null ? null : JsonOutput.toJson(tornado),
                        heatmap == null ? null : JsonOutput.toJson(heatmap), summaries(result)));
                runId = id;
                state = "done";
            } catch (SimulationCancelledException e) {
                state = "cancelled";
            } catch (RuntimeException e) {
                LOG.error("Simulation job {} for firm {} failed", id, firmId, e);
                error = e.getMessage();
                state = "failed";
            }
        }
    }

    private static List<StoredRun.StrategySummary> summaries(SimulationResult result) {
        return result.strategies().stream().map(SimulationService::summary).toList();
    }

    private static StoredRun.StrategySummary summary(StrategyResult s) {
        return new StoredRun.StrategySummary(s.name(), s.experience().id(), s.personalisationLevel().level(), s.billing().id(),
                s.npv().mean(), s.npv().standardError(), s.npv().p5(), s.npv().p50(), s.npv().p95(), s.npv().probabilityNegative());
    }
}
