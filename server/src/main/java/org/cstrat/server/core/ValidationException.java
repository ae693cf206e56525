package org.cstrat.server.core;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Input that cannot be accepted: one message per field. {@link #status()} is 400 for malformed or
 * unknown values, 409 when an id already exists. Nothing was written when it is thrown.
 */
public final class ValidationException extends WorkbenchException {

    /** One invalid field: its path ({@code name}, {@code supports[1]}) and what is wrong. */
    public record FieldError(String field, String message) {
    }

    private final int status;
    private final List<FieldError> errors;

    public ValidationException(int status, List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a validation failure names at least one field");
        }
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public static ValidationException of(int status, String field, String message) {
        return new ValidationException(status, List.of(new FieldError(field, message)));
    }

    public int status() {
        return status;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The first message per field, for a form. */
    public Map<String, String> byField() {
        return errors.stream().collect(Collectors.toMap(FieldError::field, FieldError::message, (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
