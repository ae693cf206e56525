package org.cstrat.server.simulation;

import java.util.List;
import java.util.Objects;

/**
 * A simulation run as kept in the graph: what was run (scenario JSON, seed, engine version) and
 * what came out (the full result, tornado and heatmap as JSON, and per-strategy NPV summaries), and the ISO 4217
 * currency of its money figures (the scenario's; runs stored before it was kept are USD).
 */
public record StoredRun(String id, String firmId, String firmName, String name, String createdAt, long seed, int replications,
                        String engineVersion, String scenarioJson, String resultJson, String tornadoJson, String heatmapJson,
                        List<StrategySummary> strategies, String currency) {

    public StoredRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(firmId, "firmId");
        strategies = strategies == null ? List.of() : List.copyOf(strategies);
        currency = currency == null ? org.cstrat.sim.model.Scenario.DEFAULT_CURRENCY : currency;
    }

    /** A run in the default currency. */
    public StoredRun(String id, String firmId, String firmName, String name, String createdAt, long seed, int replications,
                     String engineVersion, String scenarioJson, String resultJson, String tornadoJson, String heatmapJson,
                     List<StrategySummary> strategies) {
        this(id, firmId, firmName, name, createdAt, seed, replications, engineVersion, scenarioJson, resultJson, tornadoJson,
                heatmapJson, strategies, null);
    }

    /** One simulated strategy's NPV summary. */
    public record StrategySummary(String name, String experience, int personalisationLevel, String billingModel,
                                  double npvMean, double npvStandardError, double npvP5, double npvP50, double npvP95,
                                  double probabilityNpvNegative) {
    }

    /** The run without its large JSON parts, for lists. */
    public StoredRun headline() {
        return new StoredRun(id, firmId, firmName, name, createdAt, seed, replications, engineVersion, null, null, null, null, strategies, currency);
    }
}
