package org.cstrat.server.customers.value;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A transaction log could not be read. Carries every problem found (up to a cap), each naming its file,
 * line and column; nothing of the file is used when this is thrown.
 */
public final class TransactionLogException extends ClvException {

    private static final long serialVersionUID = 1L;

    private final transient List<InputError> errors;

    public TransactionLogException(List<InputError> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    /** The problems, in file order; never empty. */
    public List<InputError> errors() {
        return errors;
    }

    private static String summary(List<InputError> errors) {
        if (errors == null || errors.isEmpty()) {
            throw new IllegalArgumentException("errors must not be empty");
        }
        return errors.size() + (errors.size() == 1 ? " error" : " errors") + " in transaction log:\n"
                + errors.stream().map(InputError::toString).collect(Collectors.joining("\n"));
    }
}
