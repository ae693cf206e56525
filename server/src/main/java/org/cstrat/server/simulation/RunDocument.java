package org.cstrat.server.simulation;

import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * What {@code GET /api/simulations/{runId}} answers: a stored run's headline and its scenario, result, tornado and heatmap,
 * which are kept as JSON text in the graph and sent as they are (not parsed again); a part the run has not is {@code null}.
 */
public record RunDocument(String id, String firmId, String firmName, String name, String createdAt, long seed, int replications,
                          String engineVersion, @JsonRawValue String scenario, @JsonRawValue String result,
                          @JsonRawValue String tornado, @JsonRawValue String heatmap) {

    public static RunDocument of(StoredRun run) {
        return new RunDocument(run.id(), run.firmId(), run.firmName(), run.name(), run.createdAt(), run.seed(), run.replications(),
                run.engineVersion(), run.scenarioJson(), run.resultJson(), run.tornadoJson(), run.heatmapJson());
    }
}
