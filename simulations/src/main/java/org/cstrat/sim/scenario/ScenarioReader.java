package org.cstrat.sim.scenario;

import org.cstrat.input.FieldError;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.cstrat.sim.model.ModelParameters;
import org.cstrat.sim.model.RunSettings;
import org.cstrat.sim.model.Scenario;
import org.cstrat.sim.model.Strategy;
import org.cstrat.sim.model.UncertainParameter;

/**
 * Reads scenario files (format: {@code simulations/scenarios/scenario.schema.json}). Strict: any
 * unknown field, wrong type, probability outside [0, 1], negative count or other out-of-range
 * value makes it throw a {@link ScenarioException} that lists every error with its JSON path and
 * value. Stateless and thread-safe.
 */
public final class ScenarioReader {
    static final Set<String> TOP_LEVEL = Set.of("$schema", "name", "description", "firm", "currency", "parameters", "strategies", "uncertainty", "run", "optimisation");

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Reads and validates a file; {@code source} in messages is the file name. */
    public ScenarioDocument read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario " + file, e);
        }
        return parse(text, file.getFileName().toString());
    }

    /** Reads, validates and resolves a self-contained file. */
    public Scenario readSelfContained(Path file) {
        return read(file).resolve();
    }

    /** Parses and validates scenario JSON text. */
    public ScenarioDocument parse(String json, String source) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new ScenarioException(source, List.of(FieldError.path("$", "(unparsable)", "not valid JSON" + where + ": " + e.getOriginalMessage())));
        }
        List<FieldError> errors = new ArrayList<>();
        TreeBinder probe = new TreeBinder(true);
        if (root == null || !root.isObject()) {
            throw new ScenarioException(source, List.of(FieldError.path("$", String.valueOf(root), "must be a JSON object")));
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!TOP_LEVEL.contains(f)) {
                probe.error("$." + f, root.get(f), "unknown field; expected one of " + List.of("name", "description", "firm", "currency", "parameters", "strategies", "uncertainty", "run", "optimisation"));
            }
        }
        String name = text(root, "name", true, probe);
        String description = root.has("description") && root.get("description").isTextual() ? root.get("description").textValue()
                : text(root, "description", false, probe);
        String firm = text(root, "firm", false, probe);
        String currency = text(root, "currency", false, probe);
        if (currency != null) {
            try {
                org.cstrat.sim.model.Checks.currency("currency", currency);
            } catch (IllegalArgumentException e) {
                probe.error("$.currency", root.get("currency"), "must be an ISO 4217 currency code such as USD, EUR or JPY");
                currency = null;
            }
        }

        JsonNode parameters = root.get("parameters");
        if (parameters != null) {
            // Validate types, ranges and unknown fields now, against the defaults; the real base comes later.
            TreeBinder check = new TreeBinder(firm != null);
            check.bindRecord(parameters, ModelParameters.class, ModelParameters.defaults(), "$.parameters", Set.of());
            errors.addAll(check.errors());
        }

        List<Strategy> strategies = List.of();
        JsonNode s = root.get("strategies");
        if (s == null) {
            probe.error("$.strategies", null, "required field is missing (at least one strategy)");
        } else if (!s.isArray() || s.isEmpty()) {
            probe.error("$.strategies", s, "must be a non-empty array of strategies");
        } else {
            strategies = bindList(s, Strategy.class, "$.strategies", probe);
        }
        List<UncertainParameter> uncertainty = List.of();
        JsonNode u = root.get("uncertainty");
        if (u != null) {
            if (!u.isArray()) {
                probe.error("$.uncertainty", u, "must be an array");
            } else {
                uncertainty = bindList(u, UncertainParameter.class, "$.uncertainty", probe);
            }
        }
        RunSettings run = RunSettings.defaults();
        JsonNode r = root.get("run");
        if (r != null) {
            RunSettings bound = probe.bindRecord(r, RunSettings.class, RunSettings.defaults(), "$.run", Set.of());
            run = bound == null ? run : bound;
        }
        JsonNode optimisation = root.get("optimisation");
        if (optimisation != null && !optimisation.isObject()) {
            probe.error("$.optimisation", optimisation, "must be an object (decisions, objective, constraints, budget)");
        }
        errors.addAll(0, probe.errors());
        if (!errors.isEmpty()) {
            throw new ScenarioException(source, errors);
        }
        try {
            return new ScenarioDocument(source, name, description, firm, parameters, strategies, uncertainty, run,
                    currency == null ? Scenario.DEFAULT_CURRENCY : currency, optimisation);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(source, List.of(FieldError.path("$", "(see message)", e.getMessage())));
        }
    }

    private static <T> List<T> bindList(JsonNode array, Class<T> type, String path, TreeBinder binder) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            T v = binder.bindRecord(array.get(i), type, type.cast(TreeBinder.template(type)), path + "[" + i + "]", Set.of());
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    private static String text(JsonNode root, String field, boolean required, TreeBinder binder) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                binder.error("$." + field, n, "required field is missing");
            }
            return null;
        }
        if (!n.isTextual() || n.textValue().isBlank()) {
            binder.error("$." + field, n, "must be a non-blank string");
            return null;
        }
        return n.textValue();
    }
}
