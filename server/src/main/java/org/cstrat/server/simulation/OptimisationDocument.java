package org.cstrat.server.simulation;

import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * What {@code GET /api/optimisations/{runId}} answers: the stored optimisation's headline ({@code run}) and its scenario and
 * full result, kept as JSON text in the graph and sent as they are (not parsed again).
 */
public record OptimisationDocument(StoredOptimisation run, @JsonRawValue String scenario, @JsonRawValue String result) {

    public static OptimisationDocument of(StoredOptimisation stored) {
        return new OptimisationDocument(stored.headline(), stored.scenarioJson(), stored.resultJson());
    }
}
