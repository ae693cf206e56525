package org.cstrat.server.customers.value;

import org.cstrat.input.FieldError;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A transaction log could not be read. Carries every problem found (up to a cap), each naming its file,
 * line and column; nothing of the file is used when this is thrown.
 */
public final class TransactionLogException extends ClvException {

    private static final long serialVersionUID = 1L;

    private final transient List<FieldError> errors;

    public TransactionLogException(List<FieldError> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    /** The problems, in file order; never empty. */
    public List<FieldError> errors() {
        return errors;
    }

    private static String summary(List<FieldError> errors) {
        if (errors == null || errors.isEmpty()) {
            throw new IllegalArgumentException("errors must not be empty");
        }
        return errors.size() + (errors.size() == 1 ? " error" : " errors") + " in transaction log:\n"
                + errors.stream().map(FieldError::toString).collect(Collectors.joining("\n"));
    }
}
