package org.cstrat.sim.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import org.cstrat.framework.Architecture;
import org.cstrat.framework.Experience;
import org.cstrat.framework.PersonalisationLevel;
import org.cstrat.framework.PricingIndicator;
import org.cstrat.framework.RevenueModelKind;
import org.cstrat.sim.model.Scenario;
import org.cstrat.sim.model.UncertainParameter;

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

    /** The configured mapper (immutable configuration; safe to share). */
    public static ObjectMapper mapper() {
        SimpleModule m = new SimpleModule("cstrat-ids");
        m.addSerializer(Experience.class, new IdSerializer<>(Experience.class, Experience::id));
        m.addSerializer(Architecture.class, new IdSerializer<>(Architecture.class, Architecture::id));
        m.addSerializer(PricingIndicator.class, new IdSerializer<>(PricingIndicator.class, PricingIndicator::id));
        m.addSerializer(RevenueModelKind.class, new IdSerializer<>(RevenueModelKind.class, RevenueModelKind::id));
        m.addSerializer(UncertainParameter.Shape.class,
                new IdSerializer<>(UncertainParameter.Shape.class, s -> s.name().toLowerCase(Locale.ROOT)));
        m.addSerializer(PersonalisationLevel.class, new StdSerializer<>(PersonalisationLevel.class) {
            @Override
            public void serialize(PersonalisationLevel v, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeNumber(v.level());
            }
        });
        StdSerializer<Double> finite = new StdSerializer<>(Double.class) {
            @Override
            public void serialize(Double v, JsonGenerator g, SerializerProvider p) throws IOException {
                if (v == null || !Double.isFinite(v)) {
                    g.writeNull();
                } else {
                    g.writeNumber(v);
                }
            }
        };
        m.addSerializer(Double.class, finite);
        m.addSerializer(double.class, finite);
        return JsonMapper.builder().addModule(m).enable(SerializationFeature.INDENT_OUTPUT).build();
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

    private static final class IdSerializer<E> extends StdSerializer<E> {
        private static final long serialVersionUID = 1L;
        private final transient Function<E, String> id;

        IdSerializer(Class<E> type, Function<E, String> id) {
            super(type);
            this.id = id;
        }

        @Override
        public void serialize(E value, JsonGenerator g, SerializerProvider p) throws IOException {
            g.writeString(id.apply(value));
        }
    }
}
