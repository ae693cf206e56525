package org.cstrat.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is there: password logins (with {@link LoginThrottle}), in-memory sessions and API tokens, all checked against
 * the users and tokens in {@link AuthStore} as they are now, so a changed role applies at once and a removed user's
 * sessions and tokens stop working. Knows nothing of HTTP.
 * <p>
 * Sessions: a random 32-byte id, ended after {@link #IDLE} without a request or {@link #ABSOLUTE} after the login,
 * by logout, by removing the user, or by changing their password. They live in memory: a restart signs everyone out.
 */
public final class Authenticator {

    public static final Duration IDLE = Duration.ofHours(8);
    public static final Duration ABSOLUTE = Duration.ofDays(7);
    /** Prefix of API tokens, so that one found in a log or a repository is recognisable. */
    public static final String TOKEN_PREFIX = "cst_";

    /** A started session: its secret id (the cookie's value) and who it is for. */
    public record Session(String id, Principal principal) {
        @Override
        public String toString() {
            return "Session[principal=" + principal + "]";
        }
    }

    /** The outcome of a login attempt. */
    public sealed interface LoginResult {
        record Success(Session session) implements LoginResult {
        }

        /** Wrong name or password: one answer for both. */
        record Refused() implements LoginResult {
        }

        /** Too many failures for this name or address: try again after {@code retryAfter}. */
        record Throttled(Duration retryAfter) implements LoginResult {
        }
    }

    private record StoredSession(String user, String passwordHash, Instant created, Instant lastSeen) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AuthStore store;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final Map<String, StoredSession> sessions = new ConcurrentHashMap<>();
    /** Checked when the name is unknown, so that unknown names take as long as known ones. */
    private final String dummyHash;

    public Authenticator(AuthStore store, PasswordHasher hasher, Clock clock) {
        this.store = store;
        this.hasher = hasher;
        this.clock = clock;
        this.throttle = new LoginThrottle(clock);
        this.dummyHash = hasher.hash(randomSecret().toCharArray());
    }

    public AuthStore store() {
        return store;
    }

    public boolean hasUsers() {
        return !store.snapshot().users().isEmpty();
    }

    /** Checks a name and password from {@code address}; a success starts a new session (never reuses one). */
    public LoginResult login(String name, char[] password, String address) {
        String key = name == null ? "" : name.strip();
        Optional<Duration> wait = throttle.wait(key, address);
        if (wait.isPresent()) {
            return new LoginResult.Throttled(wait.get());
        }
        User user = store.snapshot().users().get(key);
        boolean ok = hasher.verify(password, user == null ? dummyHash : user.password()) && user != null;
        if (!ok) {
            throttle.failed(key, address);
            return new LoginResult.Refused();
        }
        throttle.succeeded(key);
        Instant now = clock.instant();
        String id = randomSecret();
        sessions.put(id, new StoredSession(user.name(), user.password(), now, now));
        sweep(now);
        return new LoginResult.Success(new Session(id, new Principal(user.name(), user.role(), Principal.Via.SESSION)));
    }

    /** The session's user with their current role; empty (and the session ended) when expired or the user changed. */
    public Optional<Principal> session(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        StoredSession s = sessions.get(id);
        if (s == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        User user = store.snapshot().users().get(s.user());
        if (user == null || !user.password().equals(s.passwordHash()) || expired(s, now)) {
            sessions.remove(id);
            return Optional.empty();
        }
        sessions.replace(id, s, new StoredSession(s.user(), s.passwordHash(), s.created(), now));
        return Optional.of(new Principal(user.name(), user.role(), Principal.Via.SESSION));
    }

    public void logout(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** The token's user with their current role; empty for an unknown or revoked token. */
    public Optional<Principal> token(String secret) {
        if (secret == null || !secret.startsWith(TOKEN_PREFIX) || secret.length() > 200) {
            return Optional.empty();
        }
        var snapshot = store.snapshot();
        ApiToken token = snapshot.tokensBySha256().get(sha256(secret));
        if (token == null) {
            return Optional.empty();
        }
        User user = snapshot.users().get(token.user());
        return user == null ? Optional.empty() : Optional.of(new Principal(user.name(), user.role(), Principal.Via.TOKEN));
    }

    /** A new token secret for a user (to be shown once) and the record that stores only its hash. */
    public record NewToken(String secret, ApiToken token) {
        @Override
        public String toString() {
            return "NewToken[token=" + token + "]";
        }
    }

    /** Creates and stores a token of an existing user. */
    public static NewToken createToken(AuthStore store, String user, String label, Clock clock) {
        String secret = TOKEN_PREFIX + randomSecret();
        byte[] idBytes = new byte[6];
        RANDOM.nextBytes(idBytes);
        ApiToken token = new ApiToken(HexFormat.of().formatHex(idBytes), User.checkName(user), label, sha256(secret), clock.instant());
        store.add(token);
        return new NewToken(secret, token);
    }

    /** 32 random bytes, unpadded base64url. */
    static String randomSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static boolean expired(StoredSession s, Instant now) {
        return now.isAfter(s.lastSeen().plus(IDLE)) || now.isAfter(s.created().plus(ABSOLUTE));
    }

    private void sweep(Instant now) {
        sessions.values().removeIf(s -> expired(s, now));
    }
}
