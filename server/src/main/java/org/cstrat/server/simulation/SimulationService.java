package org.cstrat.server.simulation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cstrat.server.core.NotFoundException;
import org.cstrat.server.config.WorkbenchConfig;
import org.cstrat.server.jobs.BackgroundJobs;
import org.cstrat.server.jobs.Progress;
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
import org.cstrat.sim.engine.WorkEstimate;
import org.cstrat.sim.model.Scenario;
import org.cstrat.sim.report.JsonOutput;
import org.cstrat.sim.optimise.OptimisationResult;
import org.cstrat.sim.optimise.OptimisationSpec;
import org.cstrat.sim.optimise.Optimiser;
import org.cstrat.sim.scenario.ScenarioDocument;
import org.cstrat.input.FieldError;
import org.cstrat.sim.scenario.ScenarioException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulations of a firm from the browser and the API: a request is validated at once (errors name
 * their JSON path) and its work and heap are estimated ({@link WorkEstimate}: refused when above the
 * server's budget or what the heap can give), then it runs as a background job (one at a time, all
 * cores) whose progress can be polled and which can be cancelled (it stops within about 0.1 s); a
 * finished run is stored in the graph as a {@code SimulationRun}.
 *
 * <p>Fairness: each owner (the requesting user) may have {@link Limits#jobsPerOwner()} jobs queued or
 * running; the worker takes the owners' queues in turn (round-robin), so one user's queue never waits
 * behind all of another's. A job that fails with any {@link Throwable} (an {@link OutOfMemoryError}
 * included) is marked {@code failed} with its reason and logged, and the worker goes on. The queue is {@link BackgroundJobs}.
 */
public final class SimulationService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimulationService.class);
    /** Jobs one owner may have queued or running at once unless {@link Limits} says otherwise. */
    public static final int JOBS_PER_OWNER_DEFAULT = 3;
    private static final int KEPT_JOBS = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FirmCalibration calibration;
    private final SimulationRunRepository runs;
    private final SimulationEngine engine;
    private final Clock clock;
    private final Limits limits;
    private final Scenarios scenarios = new Scenarios();
    /** The queue (round-robin between owners, {@link Limits#jobsPerOwner()} each), one worker, the last jobs kept. */
    private final BackgroundJobs<Job> jobs;

    /**
     * What the server accepts.
     *
     * @param maxWork      most customer-periods per job ({@code --max-simulation-work})
     * @param usableHeap   most heap one job may need, in bytes ({@link WorkEstimate#usableHeap})
     * @param jobsPerOwner jobs one owner may have queued or running
     * @param ratePerCore  customer-periods per second and core that expected durations assume
     */
    public record Limits(double maxWork, long usableHeap, int jobsPerOwner, double ratePerCore) {
        public Limits {
            if (!(maxWork > 0) || usableHeap < 0 || jobsPerOwner < 1 || !(ratePerCore > 0)) {
                throw new IllegalArgumentException("limits must be positive, was " + maxWork + ", " + usableHeap + ", "
                        + jobsPerOwner + ", " + ratePerCore);
            }
        }

        /** The work budget given, this JVM's heap, {@link #JOBS_PER_OWNER_DEFAULT} jobs per owner, the conservative engine rate. */
        public static Limits of(long maxWork) {
            return new Limits(maxWork, WorkEstimate.usableHeap(Runtime.getRuntime().maxMemory()), JOBS_PER_OWNER_DEFAULT,
                    WorkEstimate.RATE_PER_CORE_DEFAULT);
        }
    }

    /** With the default work budget ({@link WorkbenchConfig#DEFAULT_MAX_SIMULATION_WORK}) and {@link Limits#of}. */
    public SimulationService(FirmCalibration calibration, SimulationRunRepository runs, SimulationEngine engine, Clock clock) {
        this(calibration, runs, engine, clock, Limits.of(WorkbenchConfig.DEFAULT_MAX_SIMULATION_WORK));
    }

    public SimulationService(FirmCalibration calibration, SimulationRunRepository runs, SimulationEngine engine, Clock clock,
                             Limits limits) {
        this.calibration = calibration;
        this.runs = runs;
        this.engine = engine;
        this.clock = clock;
        this.limits = Objects.requireNonNull(limits, "limits");
        this.jobs = new BackgroundJobs<>("cstrat-simulation-jobs", 1, this.limits.jobsPerOwner(), null, KEPT_JOBS, clock);
    }

    /** Which extra analyses a run includes, and for which of its strategies (default: the first). */
    public record Analyses(boolean tornado, boolean heatmap, String strategy) {
    }

    /**
     * A job's state: {@code queued}, {@code running}, {@code done}, {@code failed} or {@code cancelled}; {@code estimate}
     * says its work, expected duration and heap ({@link WorkEstimate#describe}).
     */
    public record JobStatus(String id, String firmId, String owner, String state, String phase, long done, long total,
                            String runId, String error, String estimate) {
    }

    /**
     * Validates the request, estimates its work and heap, and queues it for {@code owner}; returns the queued job's status.
     *
     * @param owner the requesting user, whose queued and running jobs are limited ({@link Limits#jobsPerOwner()})
     * @throws ScenarioInputException for a bad request (400), naming every field
     * @throws SimulationRefusedException when the job is too large (422) or the owner has too many jobs (429)
     */
    public JobStatus start(String firmId, SimulationRequest request, String owner) {
        ObjectNode document = document(firmId, request, owner, firmId + " strategies");
        List<FieldError> errors = new ArrayList<>(request.shapeErrors());
        Analyses analyses = request.analyses();
        Scenario scenario = null;
        try {
            scenario = scenarios.resolve(scenarios.parse(document.toString(), "request"), "request", Optional.of(calibration));
        } catch (ScenarioInputException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw new ScenarioInputException("request", errors);
        }
        String strategy = analyses.strategy() == null ? scenario.strategies().get(0).name() : analyses.strategy();
        if (scenario.strategies().stream().noneMatch(s -> s.name().equals(strategy))) {
            throw new ScenarioInputException("request", List.of(FieldError.path("$.analyses.strategy", strategy, "no strategy of this name")));
        }
        Analyses chosen = new Analyses(analyses.tornado(), analyses.heatmap(), strategy);
        WorkEstimate estimate = estimate(scenario, chosen);
        refuseTooLarge(estimate, "simulation");
        Job job = new Job("j-" + UUID.randomUUID().toString().substring(0, 12), firmId, owner, scenario, chosen,
                estimate.describe(limits.ratePerCore()), null);
        return enqueue(job);
    }

    /**
     * The checks every job request passes first — an owner, a known firm (404), a body that is an object — and its
     * scenario as a document of firm {@code firmId} named {@code defaultName} unless the request names it.
     */
    private ObjectNode document(String firmId, JobRequest request, String owner, String defaultName) {
        if (owner == null || owner.isBlank()) {
            throw new IllegalArgumentException("owner: a job belongs to a user, was " + owner);
        }
        runs.firmName(firmId).orElseThrow(() -> new NotFoundException("firm", firmId));
        if (request.malformed()) {
            throw new ScenarioInputException("request", request.shapeErrors());
        }
        ObjectNode document = JSON.createObjectNode();
        document.put("name", request.name() == null ? defaultName : request.name());
        document.put("firm", firmId);
        document.setAll(request.scenario());
        return document;
    }

    /** Refuses (422, naming the field that weighs most) a job whose arrays, heap or work exceed this server's limits. */
    private void refuseTooLarge(WorkEstimate estimate, String what) {
        Optional<FieldError> excess = estimate.arrayOverflow()
                .or(() -> estimate.exceedsMemory(limits.usableHeap(), limits.ratePerCore()))
                .or(() -> estimate.exceedsWork(limits.maxWork(), limits.ratePerCore()));
        if (excess.isPresent()) {
            FieldError e = excess.get();
            throw new SimulationRefusedException(SimulationRefusedException.Reason.TOO_LARGE,
                    "This " + what + " is too large for this server: " + e.message() + ".",
                    List.of(e));
        }
    }

    /** Queues {@code job} for its owner within the per-owner limit; returns its status at acceptance. */
    private JobStatus enqueue(Job job) {
        JobStatus accepted = job.status(); // queued: the state at acceptance, whatever the worker does next
        jobs.submit(job, mine -> new SimulationRefusedException(SimulationRefusedException.Reason.TOO_MANY_JOBS, "User '"
                + job.owner + "' already has " + mine + " simulation job(s) queued or running, the most one user may have at once ("
                + limits.jobsPerOwner() + "); wait for one to finish or cancel one (DELETE /api/simulation-jobs/{id}).",
                List.of()));
        return accepted;
    }

    /**
     * Validates an optimisation request (a scenario of the firm with its {@code optimisation} object, see
     * simulations/README.md "Optimisation"), estimates its work and heap against the same limits as a simulation, and
     * queues it for {@code owner} as a job of the same queue; the finished run is stored as an {@code OptimisationRun}.
     *
     * @throws ScenarioInputException for a bad request (400), naming every field ({@code $.optimisation.decisions[0].parameter} …)
     * @throws SimulationRefusedException when the job is too large (422, naming {@code $.optimisation.budget} or the field
     *         that weighs most) or the owner has too many jobs (429)
     */
    public JobStatus startOptimisation(String firmId, OptimisationRequest request, String owner) {
        ObjectNode document = document(firmId, request, owner, firmId + " optimisation");
        List<FieldError> errors = new ArrayList<>(request.shapeErrors());
        Scenario scenario = null;
        OptimisationSpec spec = null;
        try {
            ScenarioDocument doc = scenarios.parse(document.toString(), "request");
            scenario = scenarios.resolve(doc, "request", Optional.of(calibration));
            if (request.hasOptimisation()) {
                spec = doc.optimisation(scenario);
            }
        } catch (ScenarioInputException e) {
            errors.addAll(e.errors());
        } catch (ScenarioException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw new ScenarioInputException("request", errors);
        }
        WorkEstimate estimate = Optimiser.estimate(scenario, spec, engine.threads());
        refuseTooLarge(estimate, "optimisation");
        return enqueue(new Job("j-" + UUID.randomUUID().toString().substring(0, 12), firmId, owner, scenario,
                new Analyses(false, false, spec.strategy()), estimate.describe(limits.ratePerCore()), spec));
    }

    public List<StoredOptimisation> optimisations(String firmId) {
        firmName(firmId);
        return runs.listOptimisations(firmId, 50);
    }

    public StoredOptimisation optimisation(String runId) {
        return runs.findOptimisation(runId).orElseThrow(() -> new NotFoundException("optimisation run", runId));
    }

    /** The work and heap of a job: the main run, then the analyses it asks for, as {@link Job#run} runs them. */
    WorkEstimate estimate(Scenario scenario, Analyses analyses) {
        WorkEstimate estimate = WorkEstimate.of(scenario, engine.threads());
        int replications = Tornado.replications(scenario);
        if (analyses.tornado()) {
            estimate = estimate.withTornado(Tornado.evaluations(scenario, analyses.strategy(), Tornado.SWING_DEFAULT, List.of()), replications);
        }
        if (analyses.heatmap()) {
            estimate = estimate.withHeatmap(Heatmap.CELLS, replications);
        }
        return estimate;
    }

    public Optional<JobStatus> job(String jobId) {
        return jobs.find(jobId).map(Job::status);
    }

    /** Asks a queued or running job to stop; returns its status. */
    public JobStatus cancel(String jobId) {
        Job job = jobs.find(jobId).orElseThrow(() -> new NotFoundException("simulation job", jobId));
        job.cancel.cancel();
        if (jobs.dequeue(job)) { // never started: cancelled now, and no longer counts against its owner
            job.state = "cancelled";
        }
        return job.status();
    }

    public String firmName(String firmId) {
        return runs.firmName(firmId).orElseThrow(() -> new NotFoundException("firm", firmId));
    }

    /** Where the parameters of this firm's runs come from, as its simulation page says. */
    public enum ParameterSource {
        /** Imported customers with fitted values: every calibrated parameter. */
        CUSTOMER_DATA,
        /** Imported customers, values not fitted yet: retention and the spread of willingness to pay keep the defaults. */
        CUSTOMER_DATA_NOT_VALUED,
        /** No customers in the graph: STAR coverage from the firm's technologies, everything else the engine's defaults. */
        DEFAULTS
    }

    /** Where the parameters of {@code firmId}'s runs come from: its customer data, or the defaults where it has none. */
    public ParameterSource parameterSource(String firmId) {
        CalibrationData data = calibration.dataFor(firmId).orElseThrow(() -> new NotFoundException("firm", firmId));
        if (data.customers() == 0) {
            return ParameterSource.DEFAULTS;
        }
        return data.value().isPresent() ? ParameterSource.CUSTOMER_DATA : ParameterSource.CUSTOMER_DATA_NOT_VALUED;
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
        jobs.all().forEach(j -> j.cancel.cancel());
        jobs.close();
    }

    /** One queued or running simulation; its fields are read by pollers while the worker writes them. */
    private final class Job implements BackgroundJobs.Job {
        final String id;
        final String firmId;
        final String owner;
        final Scenario scenario;
        final Analyses analyses;
        final String estimate;
        /** The optimisation this job runs, or null for a simulation. */
        final OptimisationSpec optimisation;
        final CancellationToken cancel = new CancellationToken();
        volatile String state = "queued";
        volatile Progress progress;
        volatile String runId;
        volatile String error;

        Job(String id, String firmId, String owner, Scenario scenario, Analyses analyses, String estimate, OptimisationSpec optimisation) {
            this.optimisation = optimisation;
            this.id = id;
            this.firmId = firmId;
            this.owner = owner;
            this.scenario = scenario;
            this.analyses = analyses;
            this.estimate = estimate;
            this.progress = new Progress(optimisation == null ? "simulation" : "optimisation", 0,
                    optimisation == null ? scenario.run().replications() : optimisation.maxReplications());
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String owner() {
            return owner;
        }

        @Override
        public boolean finished() {
            String s = state;
            return s.equals("done") || s.equals("failed") || s.equals("cancelled");
        }

        JobStatus status() {
            Progress p = progress;
            return new JobStatus(id, firmId, owner, state, p.phase(), p.done(), p.total(), runId, error, estimate);
        }

        /** Between phases: a cancel that arrived after the engine's last look stops here, before the next phase. */
        private void checkCancelled() {
            if (cancel.isCancelled()) {
                Progress p = progress;
                throw new SimulationCancelledException(p.done(), p.total());
            }
        }

        void progress(String currentPhase, long d, long t) {
            progress = new Progress(currentPhase, d, t);
        }

        /** The optimisation, then its result stored; an infeasible one is stored too (its status says so). */
        private void optimise() {
            OptimisationResult result = new Optimiser(engine).run(scenario, optimisation, (d, t) -> progress("optimisation", d, t), cancel);
            checkCancelled();
            progress = Progress.of("storing");
            String id = "opt-" + UUID.randomUUID().toString().substring(0, 12);
            runs.saveOptimisation(stored(id, firmId, scenario, result, Instant.now(clock).toString()));
            runId = id;
            state = "done";
            LOG.info("Optimisation job {} for firm {} done: {} {}", this.id, firmId, result.status(), result.best().values());
        }

        @Override
        public void run() {
            if (cancel.isCancelled()) {
                state = "cancelled";
                return;
            }
            state = "running";
            LOG.info("Simulation job {} for firm {} ({}) started: {}", id, firmId, owner, estimate);
            try {
                if (optimisation != null) {
                    optimise();
                    return;
                }
                SimulationResult result = engine.run(scenario, (d, t) -> progress("simulation", d, t), cancel);
                TornadoResult tornado = null;
                HeatmapResult heatmap = null;
                int replications = Tornado.replications(scenario);
                if (analyses.tornado()) {
                    checkCancelled();
                    tornado = new Tornado(engine).run(scenario, analyses.strategy(), Tornado.SWING_DEFAULT, replications, List.of(),
                            (d, t) -> progress("tornado", d, t), cancel);
                }
                if (analyses.heatmap()) {
                    checkCancelled();
                    heatmap = new Heatmap(engine, HeatmapMapping.defaults()).run(scenario, analyses.strategy(),
                            FirmStrategies.architectureIn(analyses.strategy()).orElse(null), replications, result,
                            (d, t) -> progress("heatmap", d, t), cancel);
                }
                checkCancelled();
                progress = Progress.of("storing");
                String id = "run-" + UUID.randomUUID().toString().substring(0, 12);
                runs.save(new StoredRun(id, firmId, null, scenario.name(), Instant.now(clock).toString(), scenario.run().seed(),
                        result.replications(), SimulationEngine.VERSION, JsonOutput.scenarioToJson(scenario),
                        JsonOutput.toJson(result), tornado == null ? null : JsonOutput.toJson(tornado),
                        heatmap == null ? null : JsonOutput.toJson(heatmap), summaries(result), scenario.currency()));
                runId = id;
                state = "done";
            } catch (SimulationCancelledException e) {
                state = "cancelled";
                LOG.info("Simulation job {} for firm {} cancelled", id, firmId);
            } catch (Throwable e) { // Errors included: an OutOfMemoryError or a StackOverflowError fails this job, not the worker
                error = reason(e);
                state = "failed";
                LOG.error("Simulation job {} for firm {} failed: {}", id, firmId, error, e);
            }
        }
    }

    /** Stores an optimisation's result; the best candidate becomes the run's simulated strategy. */
    static StoredOptimisation stored(String id, String firmId, Scenario scenario, OptimisationResult r, String createdAt) {
        OptimisationResult.Candidate best = r.best();
        org.cstrat.sim.model.Strategy s = best.strategy();
        StoredRun.StrategySummary summary = new StoredRun.StrategySummary(s.name(), s.experience().id(),
                s.personalisationLevel().level(), s.billing().kind().id(), best.npv().mean(), best.npv().standardError(),
                best.npv().p5(), best.npv().p50(), best.npv().p95(), best.npv().probabilityNegative());
        return new StoredOptimisation(id, firmId, null, scenario.name(), createdAt, r.seed(), r.finalSeed(), r.engineVersion(),
                r.status().name(), r.objective(), r.decisions(), best.values(), best.objective(), best.low(), best.high(),
                r.probabilityBestBeatsCurrent(), r.evaluations(), r.currency(), JsonOutput.scenarioToJson(scenario),
                JsonOutput.toJson(r), summary);
    }

    /** What went wrong, for the job's status: the innermost cause's kind and message. */
    static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        String kind = root instanceof OutOfMemoryError ? "out of memory (" + root.getClass().getSimpleName() + message + ")"
                : root.getClass().getSimpleName() + message;
        return root == e ? kind : e.getClass().getSimpleName() + " caused by " + kind;
    }

    static List<StoredRun.StrategySummary> summaries(SimulationResult result) {
        return result.strategies().stream().map(SimulationService::summary).toList();
    }

    private static StoredRun.StrategySummary summary(StrategyResult s) {
        return new StoredRun.StrategySummary(s.name(), s.experience().id(), s.personalisationLevel().level(), s.billing().id(),
                s.npv().mean(), s.npv().standardError(), s.npv().p5(), s.npv().p50(), s.npv().p95(), s.npv().probabilityNegative());
    }
}
