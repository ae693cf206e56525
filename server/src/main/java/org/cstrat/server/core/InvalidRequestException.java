package org.cstrat.server.core;

import org.cstrat.input.FieldError;
import java.util.List;

/**
 * A request parameter or body is missing or invalid, told in one message; with a field, the message is
 * {@code field: message} and the field is its one {@link FieldError}. Validation of user input (a record built from a
 * request, a path parameter) raises this, never an {@link IllegalArgumentException}, which means a bug.
 */
public final class InvalidRequestException extends InvalidException {
    public InvalidRequestException(String message) {
        super(message, List.of());
    }

    public InvalidRequestException(String field, String message) {
        super(field + ": " + message, List.of(FieldError.path(field, message)));
    }
}
