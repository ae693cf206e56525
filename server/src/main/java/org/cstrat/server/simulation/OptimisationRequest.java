package org.cstrat.server.simulation;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cstrat.input.FieldError;

/**
 * A request to optimise a firm's strategy ({@code POST /api/firms/{firmId}/optimisations}), its shape checked: a JSON
 * object with only the fields {@link #FIELDS}, {@code optimisation} among them.
 *
 * @param name        the run's name, or {@code null} for the service's default
 * @param scenario    the scenario fields of the request, its {@code optimisation} included (all but {@code name}), in the order sent
 * @param shapeErrors what is wrong with the request's shape, each naming its JSON path; the service reports them together
 *                    with the scenario's own errors, so that one answer names every bad field
 */
public record OptimisationRequest(String name, ObjectNode scenario, List<FieldError> shapeErrors) implements JobRequest {

    /** The fields an optimisation request may have. */
    public static final Set<String> FIELDS = Set.of("name", "description", "currency", "parameters", "strategies",
            "uncertainty", "run", "optimisation");
    private static final ObjectMapper JSON = new ObjectMapper();

    public OptimisationRequest {
        Objects.requireNonNull(scenario, "scenario");
        scenario = scenario.deepCopy();
        shapeErrors = List.copyOf(shapeErrors);
    }

    @Override
    public ObjectNode scenario() {
        return scenario.deepCopy();
    }

    /** Whether the request has its {@code optimisation} object (the service says what is wrong inside it). */
    public boolean hasOptimisation() {
        return scenario.has("optimisation");
    }

    /** Reads a request body ({@code null} when there was none), noting every shape error with its path. */
    public static OptimisationRequest of(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        ObjectNode scenario = JSON.createObjectNode();
        if (body == null || !body.isObject()) {
            errors.add(FieldError.path("$", String.valueOf(body), "must be a JSON object"));
            return new OptimisationRequest(null, scenario, errors);
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!FIELDS.contains(field)) {
                errors.add(FieldError.path("$." + field, body.get(field).toString(), "unknown field; allowed: " + FIELDS));
            } else if (!field.equals("name")) {
                scenario.set(field, body.get(field));
            }
        }
        if (!body.has("optimisation")) {
            errors.add(FieldError.path("$.optimisation", "(missing)", "required: the decisions to search (and optionally an objective and constraints)"));
        }
        return new OptimisationRequest(body.path("name").asText(null), scenario, errors);
    }
}
