package org.cstrat.server.simulation;

import java.util.List;
import java.util.Objects;

/**
 * A simulation run as kept in the graph: what was run (scenario JSON, seed, engine version) and
 * what came out (the full result, tornado and heatmap as JSON, and per-strategy NPV summaries).
 */
public record StoredRun(String id, String firmId, String firmName, String name, String createdAt, long seed, int replications,
                        String engineVersion, String scenarioJson, String resultJson, String tornadoJson, String heatmapJson,
                        List<StrategySummary> strategies) {

    public StoredRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(firmId, "firmId");
        strategies = strategies == null ? List.of() : List.copyOf(strategies);
    }

    /** One simulated strategy's NPV summary. */
    public record StrategySummary(String name, String experience, int personalisationLevel, String billingModel,
                                  double npvMean, double npvStandardError, double npvP5, double npvP50, double npvP95,
                                  double probabilityNpvNegative) {
    }

    /** The run without its large JSON parts, for lists. */
    public StoredRun headline() {
        return new StoredRun(id, firmId, firmName, name, createdAt, seed, replications, engineVersion, null, null, null, null, strategies);
    }
}
