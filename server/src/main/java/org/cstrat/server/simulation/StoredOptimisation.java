package org.cstrat.server.simulation;

import java.util.List;
import java.util.Objects;

/**
 * An optimisation run as kept in the graph ({@code (:OptimisationRun)}, linked to its firm and to the best candidate as a
 * {@code (:SimulatedStrategy)}): what was searched (scenario JSON with its optimisation, seeds, engine version), the
 * outcome's headline (status, objective with its 95 % interval, P(best beats current), the best decision) and the full
 * result as JSON (every search evaluation included), in the scenario's ISO 4217 currency.
 */
public record StoredOptimisation(String id, String firmId, String firmName, String name, String createdAt, long seed, long finalSeed,
                                 String engineVersion, String status, String objective, List<String> decisions,
                                 List<String> bestValues, double objectiveValue, double objectiveLow, double objectiveHigh,
                                 double probabilityBestBeatsCurrent, int evaluations, String currency, String scenarioJson,
                                 String resultJson, StoredRun.StrategySummary best) {

    public StoredOptimisation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(firmId, "firmId");
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
        bestValues = bestValues == null ? List.of() : List.copyOf(bestValues);
        currency = currency == null ? org.cstrat.sim.model.Scenario.DEFAULT_CURRENCY : currency;
    }

    /** The run without its large JSON parts, for lists. */
    public StoredOptimisation headline() {
        return new StoredOptimisation(id, firmId, firmName, name, createdAt, seed, finalSeed, engineVersion, status, objective,
                decisions, bestValues, objectiveValue, objectiveLow, objectiveHigh, probabilityBestBeatsCurrent, evaluations, currency,
                null, null, best);
    }
}
