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
 * A request to simulate a firm's strategies ({@code POST /api/firms/{firmId}/simulations}), its shape checked: a JSON
 * object with only the fields {@link #FIELDS}, and {@code analyses} an object {tornado, heatmap, strategy}.
 *
 * @param name        the run's name, or {@code null} for the service's default
 * @param scenario    the scenario fields of the request (all but {@code name} and {@code analyses}), in the order sent
 * @param analyses    which analyses to add (a strategy of {@code null}: the first)
 * @param shapeErrors what is wrong with the request's shape, each naming its JSON path; the service reports them together
 *                    with the scenario's own errors, so that one answer names every bad field
 */
public record SimulationRequest(String name, ObjectNode scenario, SimulationService.Analyses analyses, List<FieldError> shapeErrors) implements JobRequest {

    /** The fields a simulation request may have. */
    public static final Set<String> FIELDS = Set.of("name", "description", "currency", "parameters", "strategies", "uncertainty", "run", "analyses");
    private static final Set<String> ANALYSES_FIELDS = Set.of("tornado", "heatmap", "strategy");
    private static final ObjectMapper JSON = new ObjectMapper();

    public SimulationRequest {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(analyses, "analyses");
        scenario = scenario.deepCopy();
        shapeErrors = List.copyOf(shapeErrors);
    }

    @Override
    public ObjectNode scenario() {
        return scenario.deepCopy();
    }

    /** Reads a request body ({@code null} when there was none), noting every shape error with its path. */
    public static SimulationRequest of(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        ObjectNode scenario = JSON.createObjectNode();
        if (body == null || !body.isObject()) {
            errors.add(FieldError.path("$", String.valueOf(body), "must be a JSON object"));
            return new SimulationRequest(null, scenario, new SimulationService.Analyses(false, false, null), errors);
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!FIELDS.contains(field)) {
                errors.add(FieldError.path("$." + field, body.get(field).toString(), "unknown field; allowed: " + FIELDS));
            } else if (!field.equals("analyses") && !field.equals("name")) {
                scenario.set(field, body.get(field));
            }
        }
        SimulationService.Analyses analyses = analyses(body.path("analyses"), errors);
        return new SimulationRequest(body.path("name").asText(null), scenario, analyses, errors);
    }

    private static SimulationService.Analyses analyses(JsonNode node, List<FieldError> errors) {
        if (node.isMissingNode() || node.isNull()) {
            return new SimulationService.Analyses(false, false, null);
        }
        if (!node.isObject()) {
            errors.add(FieldError.path("$.analyses", node.toString(), "must be an object {tornado, heatmap, strategy}"));
            return new SimulationService.Analyses(false, false, null);
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!ANALYSES_FIELDS.contains(field)) {
                errors.add(FieldError.path("$.analyses." + field, node.get(field).toString(), "unknown field; allowed: tornado, heatmap, strategy"));
            }
        }
        boolean tornado = flag(node, "tornado", errors);
        boolean heatmap = flag(node, "heatmap", errors);
        JsonNode strategy = node.path("strategy");
        if (!strategy.isMissingNode() && !strategy.isNull() && !strategy.isTextual()) {
            errors.add(FieldError.path("$.analyses.strategy", strategy.toString(), "must be a strategy name"));
        }
        return new SimulationService.Analyses(tornado, heatmap, strategy.isTextual() ? strategy.asText() : null);
    }

    private static boolean flag(JsonNode node, String field, List<FieldError> errors) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            errors.add(FieldError.path("$.analyses." + field, value.toString(), "must be true or false"));
            return false;
        }
        return value.asBoolean();
    }
}
