package org.cstrat.server.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a user of the web app and API may do. Roles are cumulative, each includes the ones before it:
 * {@code viewer} ⊂ {@code strategist} ⊂ {@code analyst} ⊂ {@code admin}.
 */
public enum Role {
    /** Reads pages and the API: markets, matrix, firms, simulation runs, calibration downloads. */
    VIEWER,
    /** Also edits markets, firms and their parts; starts and cancels simulations. */
    STRATEGIST,
    /** Also the Cypher console and the customer pages and API. */
    ANALYST,
    /** Also imports customer data; the users' role in the command line's user administration. */
    ADMIN;

    /** Whether this role may do what {@code required} may. */
    public boolean includes(Role required) {
        return ordinal() >= required.ordinal();
    }

    /** The name users type and see: {@code viewer}, {@code strategist}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the accepted roles */
    public static Role parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (Role r : values()) {
            if (r.id().equals(t)) {
                return r;
            }
        }
        throw new IllegalArgumentException("role must be one of " + Arrays.stream(values()).map(Role::id).collect(Collectors.joining(", "))
                + ", got '" + text + "'");
    }
}
