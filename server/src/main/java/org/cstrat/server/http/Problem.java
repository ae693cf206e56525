package org.cstrat.server.http;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import org.cstrat.input.FieldError;

/**
 * An error answer in the shape of RFC 9457 ({@code application/problem+json}).
 *
 * @param errors field-level errors ({@link FieldError}), each written as {@code {"field": ..., "message": ...}}: the
 *               field path or {@code file:line:column}, and what is wrong after the offending value when one is
 *               reported ({@link FieldError#detail()}); empty when the problem is not about input
 */
public record Problem(String type, String title, int status, String detail, String instance,
                      @JsonSerialize(contentUsing = Problem.FieldErrorJson.class) List<FieldError> errors) {

    public static final String CONTENT_TYPE = "application/problem+json";

    /**
     * How every JSON answer writes a {@link FieldError} (problem+json, here whatever the mapper; an import job's
     * errors, through the web server's mapper): {@code field} and {@code message} only, in that order. The record's
     * structure (place, line, column, value) stays on this side of the wire.
     */
    static final Module FIELD_ERRORS = new SimpleModule("field-errors").addSerializer(FieldError.class, new FieldErrorJson());

    /** Writes one {@link FieldError} as {@code {"field": field(), "message": detail()}}. */
    static final class FieldErrorJson extends StdSerializer<FieldError> {
        FieldErrorJson() {
            super(FieldError.class);
        }

        @Override
        public void serialize(FieldError error, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeStartObject();
            json.writeStringField("field", error.field());
            json.writeStringField("message", error.detail());
            json.writeEndObject();
        }
    }

    public Problem {
        type = type == null ? "about:blank" : type;
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static Problem of(int status, String title, String detail, String instance) {
        return new Problem("about:blank", title, status, detail, instance, List.of());
    }
}
