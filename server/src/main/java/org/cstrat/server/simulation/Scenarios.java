package org.cstrat.server.simulation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.cstrat.sim.model.Scenario;
import org.cstrat.sim.model.UncertainParameter;
import org.cstrat.sim.scenario.ScenarioDocument;
import org.cstrat.input.FieldError;
import org.cstrat.sim.scenario.ScenarioException;
import org.cstrat.sim.scenario.ScenarioReader;

/**
 * Turns a scenario file into a runnable {@link Scenario}: a self-contained file as it is, a file
 * that names a firm over the parameters calibrated from that firm's graph data, with the calibration's
 * uncertain parameters (the fitted uncertainty, {@link Calibration}) before the file's own.
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
                    List.of(FieldError.path("$.firm", doc.firm(), "names a firm, but no workbench graph is reachable"))));
            CalibrationData data = firms.dataFor(doc.firm()).orElseThrow(() -> new ScenarioInputException(source,
                    List.of(FieldError.path("$.firm", doc.firm(), "no firm with this id in the workbench graph"))));
            Calibration.Calibrated calibrated = Calibration.calibrate(data);
            Scenario scenario = doc.resolve(calibrated.parameters());
            return scenario.withUncertainty(uncertainty(calibrated.uncertainty(), doc));
        } catch (ScenarioException e) {
            throw new ScenarioInputException(source, e.errors());
        }
    }

    /**
     * The calibration's uncertain parameters, then the file's: a calibrated one is left out when the file
     * draws the same parameter itself or sets its value (the file's word is final).
     */
    static List<UncertainParameter> uncertainty(List<UncertainParameter> calibrated, ScenarioDocument doc) {
        Set<String> own = new HashSet<>();
        doc.uncertainty().forEach(u -> own.add(u.parameter()));
        JsonNode overrides = doc.parameterOverrides();
        for (JsonNode segment : overrides.path("segments")) {
            for (Iterator<String> fields = segment.fieldNames(); fields.hasNext(); ) {
                own.add("segments[" + segment.path("name").asText() + "]." + fields.next());
            }
        }
        List<UncertainParameter> out = new ArrayList<>();
        calibrated.stream().filter(u -> !own.contains(u.parameter())).forEach(out::add);
        out.addAll(doc.uncertainty());
        return out;
    }
}
