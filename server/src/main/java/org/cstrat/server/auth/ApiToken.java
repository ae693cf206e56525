package org.cstrat.server.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * An API token for scripts, as kept in {@code DATA/auth/tokens.json}: only the SHA-256 of the secret is stored (the
 * secret itself is 32 random bytes, shown once when created). It acts with its user's current role.
 *
 * @param id     short public id, for listing and revoking
 * @param label  what the token is for (free text, may be empty)
 * @param sha256 lower-case hex SHA-256 of the token as the client sends it
 */
public record ApiToken(String id, String user, String label, String sha256, Instant created) {

    public ApiToken {
        if (id == null || !id.matches("[a-z0-9]{6,32}")) {
            throw new IllegalArgumentException("id: a token id is 6-32 lower-case letters and digits, got '" + id + "'");
        }
        User.checkName(user);
        label = label == null ? "" : label.strip();
        if (label.length() > 200 || label.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("name: a token's name has at most 200 characters and no control characters");
        }
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256: token " + id + " has no SHA-256");
        }
        Objects.requireNonNull(created, "created");
    }
}
