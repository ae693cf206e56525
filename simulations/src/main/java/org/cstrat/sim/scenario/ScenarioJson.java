package org.cstrat.sim.scenario;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.Locale;
import java.util.function.Function;
import org.cstrat.framework.Architecture;
import org.cstrat.framework.Experience;
import org.cstrat.framework.PersonalisationLevel;
import org.cstrat.framework.PricingIndicator;
import org.cstrat.framework.RevenueModelKind;
import org.cstrat.sim.model.UncertainParameter;

/**
 * How the scenario format writes values: framework enums by their ids (personalisation level as its number),
 * uncertainty shapes in lower case, non-finite numbers as null. {@code SchemaWriter} writes the schema's defaults
 * with it and {@code report.JsonOutput} writes results and resolved scenarios with it, so a written scenario reads
 * back. It lives here, below {@code report}, so the scenario format does not depend on the result writers.
 */
public final class ScenarioJson {
    private ScenarioJson() {
    }

    /** A mapper configured for the format (immutable configuration; safe to share). */
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
