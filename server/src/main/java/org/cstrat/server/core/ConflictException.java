package org.cstrat.server.core;

import org.cstrat.input.FieldError;
import java.util.List;
import java.util.Map;

/**
 * The input is valid but conflicts with what exists: an id already taken, an import into the same firm already
 * running. Carries the field it is about; nothing was written.
 */
public final class ConflictException extends WorkbenchException {

    private final List<FieldError> errors;

    public ConflictException(List<FieldError> errors) {
        super(ValidationException.summary(errors));
        this.errors = List.copyOf(errors);
    }

    public static ConflictException of(String field, String message) {
        return new ConflictException(List.of(FieldError.path(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The first message per field, for a form. */
    public Map<String, String> byField() {
        return ValidationException.byField(errors);
    }
}
