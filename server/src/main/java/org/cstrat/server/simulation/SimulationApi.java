package org.cstrat.server.simulation;

import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.cstrat.server.core.NotFoundException;

/** JSON endpoints to run, follow and read simulations. */
public final class SimulationApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SimulationService simulations;
    private final CalibrationService calibrations;
    private final Function<Context, String> caller;

    /** @param caller the name of the user a request acts for, as the HTTP layer's access check established it (a job's owner) */
    public SimulationApi(SimulationService simulations, CalibrationService calibrations, Function<Context, String> caller) {
        this.simulations = simulations;
        this.calibrations = calibrations;
        this.caller = caller;
    }

    /** {@code GET /api/firms/{firmId}/calibration}: the calibrated scenario file, as a download (422 without valued customer data). */
    public void calibration(Context ctx) {
        CalibrationService.CalibratedScenario calibrated = calibrations.scenario(ctx.pathParam("firmId"));
        ctx.header("Content-Disposition", "attachment; filename=\"" + calibrated.fileName() + "\"")
                .contentType("application/json").result(calibrated.json());
    }

    /**
     * {@code POST /api/firms/{firmId}/simulations}: 202 with the queued job; 400 for bad input, 422 when the job is
     * too large for the server, 429 when its owner has too many jobs queued or running.
     */
    public void start(Context ctx) throws Exception {
        JsonNode body = ctx.body().isBlank() ? null : JSON.readTree(ctx.body());
        var job = simulations.start(ctx.pathParam("firmId"), SimulationRequest.of(body), caller.apply(ctx));
        ctx.status(HttpStatus.ACCEPTED).header("Location", "/api/simulation-jobs/" + job.id()).json(job);
    }

    /** {@code GET /api/simulation-jobs/{jobId}}. */
    public void job(Context ctx) {
        String id = ctx.pathParam("jobId");
        ctx.json(simulations.job(id).orElseThrow(() -> new NotFoundException("simulation job", id)));
    }

    /** {@code DELETE /api/simulation-jobs/{jobId}}: cancels. */
    public void cancel(Context ctx) {
        ctx.json(simulations.cancel(ctx.pathParam("jobId")));
    }

    /** {@code GET /api/firms/{firmId}/simulations}: stored runs, newest first. */
    public void runs(Context ctx) {
        ctx.json(simulations.runs(ctx.pathParam("firmId")));
    }

    /** {@code GET /api/simulations/{runId}}: one stored run with its scenario, result, tornado and heatmap. */
    public void run(Context ctx) {
        ctx.json(RunDocument.of(simulations.run(ctx.pathParam("runId"))));
    }

    /**
     * {@code POST /api/firms/{firmId}/optimisations}: 202 with the queued job (followed and cancelled as a simulation job
     * is; its {@code runId} names the stored optimisation); 400 for bad input naming the field, 422 when too large, 429
     * when its owner has too many jobs.
     */
    public void startOptimisation(Context ctx) throws Exception {
        JsonNode body = ctx.body().isBlank() ? null : JSON.readTree(ctx.body());
        var job = simulations.startOptimisation(ctx.pathParam("firmId"), OptimisationRequest.of(body), caller.apply(ctx));
        ctx.status(HttpStatus.ACCEPTED).header("Location", "/api/simulation-jobs/" + job.id()).json(job);
    }

    /** {@code GET /api/firms/{firmId}/optimisations}: stored optimisation runs, newest first. */
    public void optimisations(Context ctx) {
        ctx.json(simulations.optimisations(ctx.pathParam("firmId")));
    }

    /** {@code GET /api/optimisations/{runId}}: one stored optimisation with its scenario and full result. */
    public void optimisation(Context ctx) {
        ctx.json(OptimisationDocument.of(simulations.optimisation(ctx.pathParam("runId"))));
    }

    /** {@code GET /api/simulation-catalogue}: the billing models with their form fields, the experiences and the architectures. */
    public void catalogue(Context ctx) {
        ctx.json(SimulationCatalogue.INSTANCE);
    }
}
