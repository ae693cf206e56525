package org.cstrat.server.core;

import org.cstrat.input.FieldError;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Input that cannot be accepted: one message per field, at least one. Nothing was written when it is thrown. */
public final class ValidationException extends InvalidException {

    public ValidationException(List<FieldError> errors) {
        super(summary(errors), errors);
    }

    public static ValidationException of(String field, String message) {
        return new ValidationException(List.of(FieldError.path(field, message)));
    }

    static String summary(List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a validation failure names at least one field");
        }
        return errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
    }

    public List<FieldError> errors() {
        return fieldErrors();
    }

    /** The first message per field, for a form. */
    public Map<String, String> byField() {
        return byField(fieldErrors());
    }

    static Map<String, String> byField(List<FieldError> errors) {
        return errors.stream().collect(Collectors.toMap(FieldError::field, FieldError::message, (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
