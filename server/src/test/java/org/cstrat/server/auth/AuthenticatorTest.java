package org.cstrat.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthenticatorTest {

    private static final PasswordHasher CHEAP = new PasswordHasher(64, 1, 1);

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-12-06T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @TempDir
    Path data;
    private final TestClock clock = new TestClock();
    private AuthStore store;
    private Authenticator auth;

    @BeforeEach
    void users() {
        store = new AuthStore(data);
        store.add(new User("ann", Role.STRATEGIST, CHEAP.hash("ann's long password".toCharArray()), clock.instant()));
        auth = new Authenticator(store, CHEAP, clock);
    }

    private Authenticator.Session login(String name, String password) {
        var result = auth.login(name, password.toCharArray(), "10.0.0.1");
        assertThat(result).isInstanceOf(Authenticator.LoginResult.Success.class);
        return ((Authenticator.LoginResult.Success) result).session();
    }

    @Test
    void aLoginStartsANewSessionWithTheUsersCurrentRole() {
        var s1 = login("ann", "ann's long password");
        var s2 = login("ann", "ann's long password");
        assertThat(s1.id()).isNotEqualTo(s2.id()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(auth.session(s1.id())).hasValueSatisfying(p -> assertThat(p.role()).isEqualTo(Role.STRATEGIST));
        User ann = store.user("ann").orElseThrow();
        store.replace(new User("ann", Role.VIEWER, ann.password(), ann.created()));
        assertThat(auth.session(s1.id())).hasValueSatisfying(p -> assertThat(p.role()).isEqualTo(Role.VIEWER));
        auth.logout(s1.id());
        assertThat(auth.session(s1.id())).isEmpty();
        assertThat(auth.session(s2.id())).isPresent();
    }

    @Test
    void wrongPasswordsAndUnknownNamesGetTheSameAnswer() {
        assertThat(auth.login("ann", "wrong".toCharArray(), "a")).isInstanceOf(Authenticator.LoginResult.Refused.class);
        assertThat(auth.login("nobody", "ann's long password".toCharArray(), "b")).isInstanceOf(Authenticator.LoginResult.Refused.class);
        assertThat(auth.session("made-up")).isEmpty();
        assertThat(auth.session(null)).isEmpty();
    }

    @Test
    void sessionsEndWhenIdleTooLongOrTooOld() {
        var idle = login("ann", "ann's long password");
        var busy = login("ann", "ann's long password");
        for (int i = 0; i < 21; i++) { // 21 × 7 h 59 min of activity: beyond 7 days
            clock.advance(Duration.ofHours(8).minusMinutes(1));
            assertThat(auth.session(busy.id())).as("busy after %d", i).isPresent();
        }
        assertThat(auth.session(idle.id())).isEmpty();
        clock.advance(Duration.ofHours(8).minusMinutes(1));
        assertThat(auth.session(busy.id())).as("past the absolute limit").isEmpty();
    }

    @Test
    void removingAUserOrChangingTheirPasswordEndsTheirSessions() {
        var s = login("ann", "ann's long password");
        User ann = store.user("ann").orElseThrow();
        store.replace(new User("ann", ann.role(), CHEAP.hash("another long password".toCharArray()), ann.created()));
        assertThat(auth.session(s.id())).isEmpty();
        var s2 = login("ann", "another long password");
        store.remove("ann");
        assertThat(auth.session(s2.id())).isEmpty();
    }

    @Test
    void tokensActWithTheirUsersRoleUntilRevoked() {
        var t = Authenticator.createToken(store, "ann", "ci", clock);
        assertThat(t.secret()).startsWith(Authenticator.TOKEN_PREFIX);
        assertThat(auth.token(t.secret())).hasValueSatisfying(p -> {
            assertThat(p.name()).isEqualTo("ann");
            assertThat(p.role()).isEqualTo(Role.STRATEGIST);
            assertThat(p.via()).isEqualTo(Principal.Via.TOKEN);
        });
        assertThat(auth.token(t.secret() + "x")).isEmpty();
        assertThat(auth.token(t.token().sha256())).isEmpty();
        store.revoke(t.token().id());
        assertThat(auth.token(t.secret())).isEmpty();
    }

    @Test
    void repeatedFailuresAreSlowedDownPerNameAndPerAddress() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            assertThat(auth.login("ann", "wrong".toCharArray(), "10.0.0." + i)).isInstanceOf(Authenticator.LoginResult.Refused.class);
        }
        // the name is throttled, from any address, even with the right password
        var throttled = auth.login("ann", "ann's long password".toCharArray(), "10.9.9.9");
        assertThat(throttled).isInstanceOf(Authenticator.LoginResult.Throttled.class);
        assertThat(((Authenticator.LoginResult.Throttled) throttled).retryAfter()).isEqualTo(Duration.ofSeconds(2));
        clock.advance(Duration.ofSeconds(2));
        login("ann", "ann's long password");

        // one address trying many names is throttled too
        for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_ADDRESS; i++) {
            assertThat(auth.login("guess" + i, "x".toCharArray(), "10.6.6.6")).isInstanceOf(Authenticator.LoginResult.Refused.class);
        }
        assertThat(auth.login("ann", "ann's long password".toCharArray(), "10.6.6.6")).isInstanceOf(Authenticator.LoginResult.Throttled.class);
        assertThat(auth.login("ann", "ann's long password".toCharArray(), "10.0.0.9")).isInstanceOf(Authenticator.LoginResult.Success.class);
    }

    @Test
    void theDelayGrowsAndIsCapped() {
        assertThat(LoginThrottle.delayAfter(4)).isZero();
        assertThat(LoginThrottle.delayAfter(5)).isEqualTo(Duration.ofSeconds(2));
        assertThat(LoginThrottle.delayAfter(6)).isEqualTo(Duration.ofSeconds(4));
        assertThat(LoginThrottle.delayAfter(40)).isEqualTo(LoginThrottle.MAX_DELAY);
    }

    @Test
    void rolesIncludeTheOnesBelow() {
        assertThat(Role.ADMIN.includes(Role.ANALYST)).isTrue();
        assertThat(Role.ANALYST.includes(Role.STRATEGIST)).isTrue();
        assertThat(Role.STRATEGIST.includes(Role.VIEWER)).isTrue();
        assertThat(Role.VIEWER.includes(Role.STRATEGIST)).isFalse();
        assertThat(Role.STRATEGIST.includes(Role.ANALYST)).isFalse();
        assertThat(Role.ANALYST.includes(Role.ADMIN)).isFalse();
        assertThat(Role.parse(" Analyst ")).isEqualTo(Role.ANALYST);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Role.parse("root"))
                .hasMessage("role must be one of viewer, strategist, analyst, admin, got 'root'");
    }
}
