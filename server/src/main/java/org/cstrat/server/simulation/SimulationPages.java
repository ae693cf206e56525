package org.cstrat.server.simulation;

import java.util.Arrays;
import java.util.Map;

import io.javalin.http.Context;
import org.cstrat.framework.Experience;
import org.cstrat.framework.PersonalisationLevel;
import org.cstrat.sim.model.RunSettings;
import org.cstrat.server.view.Templates;

/** The simulation page of a firm and the page of one stored run. */
public final class SimulationPages {

    private final SimulationService simulations;
    private final Templates templates;

    public SimulationPages(SimulationService simulations, Templates templates) {
        this.simulations = simulations;
        this.templates = templates;
    }

    /** {@code GET /firms/{firmId}/simulate}. */
    public void simulate(Context ctx) {
        String firmId = ctx.pathParam("firmId");
        ctx.html(templates.render("simulate", Map.of(
                "firmId", firmId,
                "firmName", simulations.firmName(firmId),
                "runs", simulations.runs(firmId),
                "parameterSource", simulations.parameterSource(firmId).name(),
                "experiences", Arrays.asList(Experience.values()),
                "levels", Arrays.asList(PersonalisationLevel.values()),
                "billingModels", SimulationCatalogue.INSTANCE.billingModels(),
                "maxReplications", RunSettings.REPLICATIONS_MAX)));
    }

    /** {@code GET /simulations/{runId}}. */
    public void run(Context ctx) {
        StoredRun run = simulations.run(ctx.pathParam("runId"));
        ctx.html(templates.render("simulation-run", Map.of("run", run.headline(), "firmName", run.firmName())));
    }
}
