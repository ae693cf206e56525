package org.cstrat.server.auth;

import java.util.Objects;

/**
 * Who a request acts for and with which role.
 *
 * @param via how it was established: a session cookie, an API token, or no login at all (auth off: a local admin)
 */
public record Principal(String name, Role role, Via via) {

    /** The name a request acts under when the web app asks for no login. */
    public static final String LOCAL = "local";

    public enum Via { SESSION, TOKEN, LOCAL }

    public Principal {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(via, "via");
    }

    public static Principal local() {
        return new Principal(LOCAL, Role.ADMIN, Via.LOCAL);
    }

    public boolean may(Role required) {
        return role.includes(required);
    }
}
