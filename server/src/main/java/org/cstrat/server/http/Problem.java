package org.cstrat.server.http;

import org.cstrat.server.core.FieldError;
import java.util.List;

/**
 * An error answer in the shape of RFC 9457 ({@code application/problem+json}).
 *
 * @param errors field-level errors ({@link FieldError}: a field path or {@code file:line:column}, and what is wrong); empty when the problem is not about input
 */
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String CONTENT_TYPE = "application/problem+json";

    public Problem {
        type = type == null ? "about:blank" : type;
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static Problem of(int status, String title, String detail, String instance) {
        return new Problem("about:blank", title, status, detail, instance, List.of());
    }
}
