package org.cstrat.server.simulation;

import java.util.List;

import org.cstrat.server.core.FieldError;
import org.cstrat.server.core.InvalidException;
import org.cstrat.sim.scenario.ScenarioError;

/** A scenario that cannot run: each error names the JSON field path and the value. Nothing was run or stored. */
public final class ScenarioInputException extends InvalidException {

    private final List<ScenarioError> errors;

    public ScenarioInputException(String source, List<ScenarioError> errors) {
        super(source + ": " + errors.size() + " error(s) in the scenario", fieldErrors(errors));
        this.errors = List.copyOf(errors);
    }

    /** The scenario's errors as field errors: the JSON path, and the value with what is wrong with it. */
    public static List<FieldError> fieldErrors(List<ScenarioError> errors) {
        return errors.stream().map(err -> new FieldError(err.path(), err.value() + ": " + err.message())).toList();
    }

    public List<ScenarioError> errors() {
        return errors;
    }
}
