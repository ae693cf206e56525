package org.cstrat.server.http;

import java.util.List;

/**
 * An error answer in the shape of RFC 9457 ({@code application/problem+json}).
 *
 * @param errors field-level errors, each naming the field path; empty when the problem is not about input
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

    /** One invalid input: where it is ({@code firms[2].name}, {@code customers.csv:14:3}) and what is wrong. */
    public record FieldError(String field, String message) {
    }
}
