package org.cstrat.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;

import org.cstrat.server.core.NotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthStoreTest {

    private static final PasswordHasher CHEAP = new PasswordHasher(64, 1, 1);
    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    @TempDir
    Path data;

    private static User user(String name, Role role) {
        return new User(name, role, CHEAP.hash("a long password".toCharArray()), T0);
    }

    @Test
    void writesOwnerOnlyFilesAtomicallyAndAnotherProcessSeesThem() throws Exception {
        Files.createDirectories(data.resolve("auth"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        AuthStore cli = new AuthStore(data);
        AuthStore server = new AuthStore(data);
        assertThat(server.users()).isEmpty();

        cli.add(user("ann", Role.ADMIN));
        Path file = data.resolve("auth/users.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("auth")))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("auth/.lock")))).isEqualTo("rw-------");
        try (var files = Files.list(data.resolve("auth"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("users.json", ".lock");
        }
        assertThat(server.users()).extracting(User::name).containsExactly("ann");
        assertThat(Files.readString(file)).contains("$argon2id$").doesNotContain("a long password");

        cli.replace(new User("ann", Role.VIEWER, server.user("ann").orElseThrow().password(), T0));
        assertThat(server.user("ann")).hasValueSatisfying(u -> assertThat(u.role()).isEqualTo(Role.VIEWER));
    }

    @Test
    void refusesDuplicatesAndUnknownUsers() {
        AuthStore store = new AuthStore(data);
        store.add(user("ann", Role.ADMIN));
        assertThatThrownBy(() -> store.add(user("ann", Role.VIEWER))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already exists");
        assertThatThrownBy(() -> store.remove("bob")).isInstanceOf(NotFoundException.class).hasMessageContaining("bob");
        assertThatThrownBy(() -> Authenticator.createToken(store, "bob", "", Clock.systemUTC())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.revoke("abcdef123456")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> user("Ann Smith", Role.ADMIN)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("user name");
    }

    @Test
    void revokingATokenAndRemovingAUserEndTheirTokens() {
        AuthStore store = new AuthStore(data);
        store.add(user("ann", Role.ADMIN));
        store.add(user("bob", Role.VIEWER));
        var a1 = Authenticator.createToken(store, "ann", "ci", Clock.systemUTC());
        var a2 = Authenticator.createToken(store, "ann", "", Clock.systemUTC());
        var b1 = Authenticator.createToken(store, "bob", "report", Clock.systemUTC());
        AuthStore other = new AuthStore(data);
        assertThat(other.tokens()).extracting(ApiToken::id).containsExactlyInAnyOrder(a1.token().id(), a2.token().id(), b1.token().id());
        String tokensJson = readTokens();
        assertThat(tokensJson).contains(Authenticator.sha256(a1.secret())).doesNotContain(a1.secret());

        store.revoke(a1.token().id());
        assertThat(other.tokens()).extracting(ApiToken::id).containsExactlyInAnyOrder(a2.token().id(), b1.token().id());

        store.remove("ann");
        assertThat(other.tokens()).extracting(ApiToken::id).containsExactly(b1.token().id());
        assertThat(other.users()).extracting(User::name).containsExactly("bob");
    }

    @Test
    void aBrokenFileKeepsTheLastGoodStateInARunningServer() throws Exception {
        AuthStore cli = new AuthStore(data);
        cli.add(user("ann", Role.ADMIN));
        AuthStore server = new AuthStore(data);
        assertThat(server.users()).hasSize(1);
        Path tmp = data.resolve("auth/edit.tmp");
        Files.writeString(tmp, "{\"users\": [ {\"name\": \"ann\", ");
        Files.move(tmp, data.resolve("auth/users.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(server.users()).extracting(User::name).containsExactly("ann");
        assertThatThrownBy(() -> new AuthStore(data).users()).hasMessageContaining("users.json");
    }

    private String readTokens() {
        try {
            return Files.readString(data.resolve("auth/tokens.json"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
