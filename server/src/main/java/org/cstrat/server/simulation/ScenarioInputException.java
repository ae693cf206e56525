package org.cstrat.server.simulation;

import java.util.List;

import org.cstrat.input.FieldError;
import org.cstrat.server.core.InvalidException;

/** A scenario that cannot run: each error names the JSON field path and the value. Nothing was run or stored. */
public final class ScenarioInputException extends InvalidException {

    public ScenarioInputException(String source, List<FieldError> errors) {
        super(source + ": " + errors.size() + " error(s) in the scenario", errors);
    }

    /** The errors: each a JSON path with the offending value ({@link FieldError#path(String, String, String)}). */
    public List<FieldError> errors() {
        return fieldErrors();
    }
}
