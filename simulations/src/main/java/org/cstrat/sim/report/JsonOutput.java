package org.cstrat.sim.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cstrat.sim.model.Scenario;
import org.cstrat.sim.scenario.ScenarioJson;

/**
 * Writes results ({@code SimulationResult}, {@code TornadoResult}, {@code HeatmapResult}) and
 * resolved scenarios as JSON. Framework enums are written by their ids (personalisation level as
 * its number), non-finite numbers as null. A written scenario is a valid self-contained scenario
 * file (its {@code firm}, if any, is kept only as a label under {@code description}). Thread-safe.
 */
public final class JsonOutput {
    private static final ObjectMapper MAPPER = mapper();

    private JsonOutput() {
    }

    /** The configured mapper (immutable configuration; safe to share): {@link ScenarioJson#mapper()}, shared with the scenario format. */
    public static ObjectMapper mapper() {
        return ScenarioJson.mapper();
    }

    public static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static void write(Object value, Writer out) {
        try {
            out.write(toJson(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Object value, Path file) {
        try {
            Files.writeString(file, toJson(value), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** A resolved scenario as a self-contained scenario file. */
    public static String scenarioToJson(Scenario s) {
        var root = MAPPER.createObjectNode();
        root.put("name", s.name());
        root.put("description", s.firm() == null ? s.description() : (s.description() + " [resolved from firm " + s.firm() + "]").trim());
        root.put("currency", s.currency());
        root.set("parameters", MAPPER.valueToTree(s.parameters()));
        root.set("strategies", MAPPER.valueToTree(s.strategies()));
        root.set("uncertainty", MAPPER.valueToTree(s.uncertainty()));
        root.set("run", MAPPER.valueToTree(s.run()));
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
