package org.cstrat.server.simulation;

import java.util.List;
import java.util.Optional;

import org.cstrat.sim.model.ModelParameters;
import org.cstrat.sim.model.Scenario;
import org.cstrat.sim.scenario.ScenarioDocument;
import org.cstrat.sim.scenario.ScenarioError;
import org.cstrat.sim.scenario.ScenarioException;
import org.cstrat.sim.scenario.ScenarioReader;

/**
 * Turns a scenario file into a runnable {@link Scenario}: a self-contained file as it is, a file
 * that names a firm over the parameters calibrated from that firm's graph data.
 */
public final class Scenarios {

    private final ScenarioReader reader = new ScenarioReader();

    /** Parses strictly; every error names its JSON path. */
    public ScenarioDocument parse(String json, String source) {
        try {
            return reader.parse(json, source);
        } catch (ScenarioException e) {
            throw new ScenarioInputException(source, e.errors());
        }
    }

    /**
     * @param calibration where firm data comes from; may be empty for a self-contained document
     */
    public Scenario resolve(ScenarioDocument doc, String source, Optional<FirmCalibration> calibration) {
        try {
            if (doc.selfContained()) {
                return doc.resolve();
            }
            FirmCalibration firms = calibration.orElseThrow(() -> new ScenarioInputException(source,
                    List.of(new ScenarioError("$.firm", doc.firm(), "names a firm, but no workbench graph is reachable"))));
            CalibrationData data = firms.dataFor(doc.firm()).orElseThrow(() -> new ScenarioInputException(source,
                    List.of(new ScenarioError("$.firm", doc.firm(), "no firm with this id in the workbench graph"))));
            ModelParameters base = Calibration.parameters(data);
            return doc.resolve(base);
        } catch (ScenarioException e) {
            throw new ScenarioInputException(source, e.errors());
        }
    }
}
