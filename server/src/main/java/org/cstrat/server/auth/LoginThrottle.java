package org.cstrat.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing. Failed logins are counted per user name and per client address, each count
 * forgotten {@link #WINDOW} after its last failure. The first {@link #FREE_FAILURES} failures of a name (and the first
 * {@link #FREE_FAILURES_PER_ADDRESS} of an address, which a team behind one proxy or NAT shares) cost nothing; after
 * that each further attempt must wait 2, 4, 8 ... seconds after the previous failure, at most {@link #MAX_DELAY}
 * (the name and the address are checked separately, the longer wait wins). A successful login clears the name's count.
 * Unknown names are counted like known ones, so the answer never tells them apart.
 */
public final class LoginThrottle {

    public static final int FREE_FAILURES = 5;
    public static final int FREE_FAILURES_PER_ADDRESS = 20;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final Duration MAX_DELAY = Duration.ofMinutes(15);
    /** Above this many remembered keys, the forgotten ones are swept out (bounds memory under a flood of names). */
    private static final int SWEEP_ABOVE = 10_000;

    private record Failures(int count, Instant last) {
    }

    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long the client must still wait before this attempt is even checked; empty when it may try now. */
    public Optional<Duration> wait(String name, String address) {
        Instant now = clock.instant();
        Duration a = waitFor("name:" + name, FREE_FAILURES, now);
        Duration b = waitFor("addr:" + address, FREE_FAILURES_PER_ADDRESS, now);
        Duration longer = a.compareTo(b) >= 0 ? a : b;
        return longer.isZero() ? Optional.empty() : Optional.of(longer);
    }

    public void failed(String name, String address) {
        Instant now = clock.instant();
        if (failures.size() > SWEEP_ABOVE) {
            failures.values().removeIf(f -> f.last().plus(WINDOW).isBefore(now));
        }
        failures.merge("name:" + name, new Failures(1, now), (old, one) -> new Failures(expired(old, now) ? 1 : old.count() + 1, now));
        failures.merge("addr:" + address, new Failures(1, now), (old, one) -> new Failures(expired(old, now) ? 1 : old.count() + 1, now));
    }

    public void succeeded(String name) {
        failures.remove("name:" + name);
    }

    private Duration waitFor(String key, int free, Instant now) {
        Failures f = failures.get(key);
        if (f == null || expired(f, now) || f.count() < free) {
            return Duration.ZERO;
        }
        Duration delay = delayAfter(f.count() - free + FREE_FAILURES);
        Duration left = Duration.between(now, f.last().plus(delay));
        return left.isNegative() || left.isZero() ? Duration.ZERO : left;
    }

    /** The pause after {@code count} failures: 0 up to {@link #FREE_FAILURES}-1, then 2 s, 4 s, 8 s ... capped. */
    static Duration delayAfter(int count) {
        if (count < FREE_FAILURES) {
            return Duration.ZERO;
        }
        int exponent = Math.min(count - FREE_FAILURES + 1, 20);
        Duration d = Duration.ofSeconds(1L << exponent);
        return d.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : d;
    }

    private static boolean expired(Failures f, Instant now) {
        return f.last().plus(WINDOW).isBefore(now);
    }
}
