package org.cstrat.sim.scenario;

/**
 * One problem in a scenario file.
 *
 * @param path JSON path of the offending field, e.g. {@code $.parameters.segments[1].baseChurn}
 * @param value the offending value as JSON text, or {@code "(missing)"}
 * @param message what is wrong
 */
public record ScenarioError(String path, String value, String message) {
    @Override
    public String toString() {
        return path + " = " + value + ": " + message;
    }
}
