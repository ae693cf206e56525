package org.cstrat.server.neo4j;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Values computed from graph reads (a market's matrix), kept until the graph changes. A value is served only while
 * {@link GraphChanges#generation()} is still the one it was computed in, and only while its computation started
 * less than {@code staleAfter} ago: that bounds how long a write made outside this process (an analyst over Bolt,
 * another workbench on the same cluster), which this process cannot see, stays unseen.
 *
 * <p>One computation per key at a time. Requests for a key being computed wait for that computation (of the same
 * generation) instead of starting their own, so an edit under load costs one graph read, not one per request.
 * Under steady load a value is refreshed ahead of time: the first request after half of {@code staleAfter}
 * recomputes it while the others go on getting the current value (still within the bound), so nobody waits for an
 * expiry.
 *
 * <p>Races: the generation is read <em>before</em> the computation reads the graph, and writers move it on
 * <em>after</em> their transaction has ended, so a computation that overlapped a write keeps the older generation.
 * Its value answers only the request that computed it; it is never served to a request that starts after the
 * write's {@link GraphChanges#changed()} (checked on every read), it is removed when its computation ends in an
 * older generation, and it never replaces a slot of a newer generation. A failed computation is not cached (its
 * waiters get its exception), so only keys that exist take room.
 *
 * @param <K> the key, e.g. a market id
 * @param <V> an immutable value
 */
public final class GraphReadCache<K, V> {

    /** How long a value is served without knowing of the writes made outside this process. */
    public static final Duration STALE_AFTER_DEFAULT = Duration.ofSeconds(2);
    /** JVM property that overrides {@link #STALE_AFTER_DEFAULT}, in milliseconds (0: keep nothing between requests). */
    public static final String STALE_AFTER_PROPERTY = "cstrat.cache.stale-after-ms";

    private final GraphChanges changes;
    private final long staleAfterNanos;
    private final long refreshAfterNanos;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<K, Slot<V>> slots = new ConcurrentHashMap<>();

    /**
     * A value or its computation in progress, with the generation and the time its computation started; while a
     * refresh is in progress, the value it replaces ({@code previous}, null if none) and when that one was started.
     */
    private record Slot<V>(long generation, long started, CompletableFuture<V> value, V previous, long previousStarted) {
    }

    /** With the staleness bound of {@link #staleAfter()}. */
    public GraphReadCache(GraphChanges changes) {
        this(changes, staleAfter(), System::nanoTime);
    }

    /**
     * @param staleAfter how long a value may be served, from the start of its computation; zero keeps nothing beyond
     *                   the requests that wait for the same computation
     * @param nanoTime   the clock ({@link System#nanoTime()}; a fake one in tests)
     */
    public GraphReadCache(GraphChanges changes, Duration staleAfter, LongSupplier nanoTime) {
        this.changes = Objects.requireNonNull(changes, "changes");
        if (staleAfter.isNegative()) {
            throw new IllegalArgumentException("staleAfter must not be negative, got " + staleAfter);
        }
        this.staleAfterNanos = staleAfter.toNanos();
        this.refreshAfterNanos = staleAfterNanos / 2;
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /** {@link #STALE_AFTER_DEFAULT}, or the JVM property {@value #STALE_AFTER_PROPERTY} when set. */
    public static Duration staleAfter() {
        String value = System.getProperty(STALE_AFTER_PROPERTY);
        if (value == null || value.isBlank()) {
            return STALE_AFTER_DEFAULT;
        }
        try {
            long millis = Long.parseLong(value.strip());
            if (millis >= 0) {
                return Duration.ofMillis(millis);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(STALE_AFTER_PROPERTY + ": must be a whole number of milliseconds >= 0, got '" + value + "'");
    }

    /** The value for {@code key}: cached if still current, else computed by {@code compute} (once, however many ask). */
    public V get(K key, Function<? super K, ? extends V> compute) {
        Objects.requireNonNull(key, "key");
        while (true) {
            long generation = changes.generation();
            long now = nanoTime.getAsLong();
            Slot<V> slot = slots.get(key);
            if (slot != null && slot.generation() > generation) {
                continue; // a write ended since this request read the generation: read it again
            }
            Slot<V> mine;
            if (slot != null && slot.generation() == generation) {
                CompletableFuture<V> value = slot.value();
                if (!value.isDone()) {
                    if (slot.previous() != null && now - slot.previousStarted() < staleAfterNanos) {
                        return slot.previous(); // being refreshed; the value it replaces is still within the bound
                    }
                    return join(value);
                }
                if (!value.isCompletedExceptionally()) {
                    long age = now - slot.started();
                    if (age < refreshAfterNanos) {
                        return value.join();
                    }
                    V current = value.join();
                    // Refresh: this request computes, the others keep the current value while it is within the bound.
                    mine = age < staleAfterNanos ? new Slot<>(generation, now, new CompletableFuture<>(), current, slot.started())
                            : new Slot<>(generation, now, new CompletableFuture<>(), null, 0);
                } else {
                    mine = new Slot<>(generation, now, new CompletableFuture<>(), null, 0);
                }
            } else {
                mine = new Slot<>(generation, now, new CompletableFuture<>(), null, 0);
            }
            boolean installed = slot == null ? slots.putIfAbsent(key, mine) == null : slots.replace(key, slot, mine);
            if (installed) {
                return compute(key, mine, compute);
            }
            // another request got there first: use its slot
        }
    }

    private V compute(K key, Slot<V> mine, Function<? super K, ? extends V> compute) {
        V value;
        try {
            value = Objects.requireNonNull(compute.apply(key), "computed value");
        } catch (RuntimeException | Error e) {
            slots.remove(key, mine);
            mine.value().completeExceptionally(e);
            throw e;
        }
        mine.value().complete(value);
        if (changes.generation() != mine.generation()) {
            slots.remove(key, mine); // computed across a write: answer this request, keep nothing
        }
        return value;
    }

    private static <V> V join(CompletableFuture<V> value) {
        try {
            return value.join();
        } catch (CompletionException e) {
            // The computation this request waited for failed: the same failure, as its own request saw it.
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** Forgets every value (the next request of each key computes it again). */
    public void clear() {
        slots.clear();
    }

    /** How many keys have a value or a computation in progress (for tests and diagnostics). */
    public int size() {
        return slots.size();
    }
}
