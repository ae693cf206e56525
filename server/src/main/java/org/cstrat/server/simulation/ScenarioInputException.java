package org.cstrat.server.simulation;

import java.util.List;

import org.cstrat.server.core.WorkbenchException;
import org.cstrat.sim.scenario.ScenarioError;

/** A scenario that cannot run: each error names the JSON field path and the value. Nothing was run or stored. */
public final class ScenarioInputException extends WorkbenchException {

    private final List<ScenarioError> errors;

    public ScenarioInputException(String source, List<ScenarioError> errors) {
        super(source + ": " + errors.size() + " error(s) in the scenario");
        this.errors = List.copyOf(errors);
    }

    public List<ScenarioError> errors() {
        return errors;
    }
}
