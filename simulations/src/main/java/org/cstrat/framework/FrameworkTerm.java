package org.cstrat.framework;

import java.util.Arrays;
import java.util.Optional;

/**
 * An enum of the framework whose constants are {@link Term}s (the architectures, experiences, 4 Rs, STAR stages and
 * revenue models): their id, label and description, and the one lookup by id they all use.
 */
public interface FrameworkTerm {

    Term term();

    /** Stable identifier used in the graph, the API and scenario files. */
    default String id() {
        return term().id();
    }

    default String label() {
        return term().label();
    }

    default String description() {
        return term().description();
    }

    /** The constant among {@code values} (an enum's {@code values()}) whose id is {@code id}; empty for any other, null included. */
    static <E extends FrameworkTerm> Optional<E> byId(E[] values, String id) {
        return Arrays.stream(values).filter(v -> v.id().equals(id)).findFirst();
    }
}
