package org.cstrat.server.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;

/**
 * A restart finds the Bolt password already set (a login check, no {@code ALTER USER}), and a start with another
 * password still sets that one: Bolt then takes the new password, and the old one no longer.
 */
class EmbeddedPasswordIT {

    @TempDir
    Path data;

    @Test
    void aRestartFindsThePasswordSetAndANewPasswordIsStillApplied() {
        EmbeddedCredentials first = EmbeddedCredentials.resolve(data, Optional.of("first-password-1"));
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data, "127.0.0.1", 0, first)) {
            assertThat(EmbeddedDatabase.passwordAlreadySet(db.systemDatabase(), first)).isTrue();
            assertThat(EmbeddedDatabase.passwordAlreadySet(db.systemDatabase(),
                    EmbeddedCredentials.resolve(data, Optional.of("another-password-2")))).isFalse();
        }
        EmbeddedCredentials second = EmbeddedCredentials.resolve(data, Optional.of("second-password-2"));
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data, "127.0.0.1", 0, second)) {
            assertThat(EmbeddedDatabase.passwordAlreadySet(db.systemDatabase(), second)).isTrue();
            assertThat(EmbeddedDatabase.passwordAlreadySet(db.systemDatabase(), first)).isFalse();
            try (var driver = GraphDatabase.driver(db.boltUri(), AuthTokens.basic(second.user(), second.password()))) {
                driver.verifyConnectivity();
            }
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data, "127.0.0.1", 0, second)) {
            try (var driver = GraphDatabase.driver(db.boltUri(), AuthTokens.basic(second.user(), second.password()))) {
                driver.verifyConnectivity();
            }
        }
    }
}
