package org.cstrat.server.core;

import org.cstrat.input.FieldError;
import java.util.List;

/**
 * The caller's input cannot be accepted (a missing or malformed value, an unknown id in a reference, a file with
 * errors); nothing was written. Carries the errors by place, empty when the message alone says what is wrong.
 * Features specialise it for their own inputs (an import's files, a scenario, a console query).
 */
public abstract non-sealed class InvalidException extends WorkbenchException {

    private final List<FieldError> fieldErrors;

    protected InvalidException(String message, List<FieldError> fieldErrors) {
        super(message);
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    /** Every error found, each with its place; empty when the message is the whole story. */
    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}
