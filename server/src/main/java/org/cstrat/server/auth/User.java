package org.cstrat.server.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A user of the web app and API, as kept in {@code DATA/auth/users.json}.
 *
 * @param name         1-64 characters: lower-case letters, digits, {@code .}, {@code _}, {@code -}; starts with a letter or digit
 * @param password     the Argon2id PHC string ({@link PasswordHasher}), never the password
 */
public record User(String name, Role role, String password, Instant created) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    public User {
        checkName(name);
        Objects.requireNonNull(role, "role");
        if (password == null || !password.startsWith("$argon2id$")) {
            throw new IllegalArgumentException("password: user '" + name + "' has no Argon2id hash");
        }
        Objects.requireNonNull(created, "created");
    }

    /** @throws IllegalArgumentException naming what a user name may be */
    public static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("user name must be 1-64 lower-case letters, digits, '.', '_' or '-', starting with a"
                    + " letter or digit, got '" + name + "'");
        }
        return name;
    }

    @Override
    public String toString() {
        return "User[name=" + name + ", role=" + role.id() + ", created=" + created + "]";
    }
}
