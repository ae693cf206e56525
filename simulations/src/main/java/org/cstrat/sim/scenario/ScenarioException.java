package org.cstrat.sim.scenario;

import org.cstrat.input.FieldError;
import java.util.List;
import java.util.stream.Collectors;
import org.cstrat.sim.SimulationException;

/**
 * A scenario file was refused. Lists every error found, each naming the JSON field path and the
 * value; nothing was run. The CLI maps it to exit code 2, the API to 400 problem+json.
 */
public final class ScenarioException extends SimulationException {
    private static final long serialVersionUID = 1L;
    private final transient List<FieldError> errors;

    public ScenarioException(String source, List<FieldError> errors) {
        super(message(source, errors));
        this.errors = List.copyOf(errors);
    }

    private static String message(String source, List<FieldError> errors) {
        return "invalid scenario " + source + " (" + errors.size() + (errors.size() == 1 ? " error" : " errors") + "):\n"
                + errors.stream().map(e -> "  " + e).collect(Collectors.joining("\n"));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
