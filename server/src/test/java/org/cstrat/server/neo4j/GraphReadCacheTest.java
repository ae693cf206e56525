package org.cstrat.server.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GraphReadCacheTest {

    private static final long SECOND = 1_000_000_000L;

    private final GraphChanges changes = new GraphChanges();
    private final AtomicLong clock = new AtomicLong(1_000 * SECOND);
    private final GraphReadCache<String, String> cache = new GraphReadCache<>(changes, Duration.ofSeconds(2), clock::get);
    /** What the "graph" holds: the value a computation reads. */
    private final AtomicInteger graph = new AtomicInteger(1);
    private final AtomicInteger computations = new AtomicInteger();
    private final ExecutorService pool = Executors.newFixedThreadPool(8);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private String read(String key) {
        computations.incrementAndGet();
        return key + "@" + graph.get();
    }

    @Test
    void aSecondReadIsAHitWithoutComputing() {
        assertThat(cache.get("m", this::read)).isEqualTo("m@1");
        graph.set(2); // a write this process does not know of
        assertThat(cache.get("m", this::read)).isEqualTo("m@1");
        assertThat(cache.get("other", this::read)).isEqualTo("other@2");
        assertThat(computations).hasValue(2);
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void aWriteThroughTheWorkbenchIsSeenOnTheVeryNextRead() {
        assertThat(cache.get("m", this::read)).isEqualTo("m@1");
        graph.set(2);
        changes.changed();
        assertThat(cache.get("m", this::read)).isEqualTo("m@2");
        assertThat(cache.get("m", this::read)).isEqualTo("m@2");
        assertThat(computations).hasValue(2);
    }

    @Test
    void aWriteElsewhereIsSeenOnceTheValueIsStaleAfterTheBound() {
        assertThat(cache.get("m", this::read)).isEqualTo("m@1");
        graph.set(2);
        clock.addAndGet(SECOND / 2);
        assertThat(cache.get("m", this::read)).as("fresh: a hit").isEqualTo("m@1");
        clock.addAndGet(2 * SECOND);
        assertThat(cache.get("m", this::read)).as("older than the bound: computed again").isEqualTo("m@2");
        assertThat(computations).hasValue(2);
    }

    @Test
    void pastHalfTheBoundOneRequestRefreshesWhileTheOthersKeepTheCurrentValue() throws Exception {
        assertThat(cache.get("m", this::read)).isEqualTo("m@1");
        graph.set(2);
        clock.addAndGet(SECOND + SECOND / 2); // past half the bound, within it
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<String> refresher = pool.submit(() -> cache.get("m", k -> {
            inside.countDown();
            await(release);
            return read(k);
        }));
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(cache.get("m", this::read)).as("during the refresh: the current value, no wait").isEqualTo("m@1");
        clock.addAndGet(SECOND); // the current value is now past the bound: wait for the refresh instead
        Future<String> waiter = pool.submit(() -> cache.get("m", this::read));
        Thread.sleep(100);
        assertThat(waiter.isDone()).as("a value past the bound is not served").isFalse();
        release.countDown();
        assertThat(refresher.get(10, TimeUnit.SECONDS)).isEqualTo("m@2");
        assertThat(waiter.get(10, TimeUnit.SECONDS)).isEqualTo("m@2");
        assertThat(computations).as("the waiter joined the refresh").hasValue(2);
    }

    @Test
    void concurrentMissesComputeOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Future<String>> readers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            readers.add(pool.submit(() -> cache.get("m", k -> {
                await(release);
                return read(k);
            })));
        }
        Thread.sleep(200);
        release.countDown();
        for (Future<String> r : readers) {
            assertThat(r.get(10, TimeUnit.SECONDS)).isEqualTo("m@1");
        }
        assertThat(computations).hasValue(1);
    }

    @Test
    void aComputationThatOverlapsAWriteIsNeitherServedNorKept() throws Exception {
        // A request starts computing from the graph as it was ...
        CountDownLatch readTheGraph = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<String> slow = pool.submit(() -> cache.get("m", k -> {
            String old = read(k);
            readTheGraph.countDown();
            await(release);
            return old;
        }));
        assertThat(readTheGraph.await(10, TimeUnit.SECONDS)).isTrue();
        // ... an edit commits and tells the cache ...
        graph.set(2);
        changes.changed();
        // ... and the next read does not wait for, nor take, the value read before the edit.
        assertThat(cache.get("m", this::read)).isEqualTo("m@2");
        release.countDown();
        assertThat(slow.get(10, TimeUnit.SECONDS)).as("the overlapping request gets what it read").isEqualTo("m@1");
        assertThat(cache.get("m", this::read)).as("the old value did not replace the new one").isEqualTo("m@2");
        assertThat(computations).hasValue(2);
    }

    @Test
    void anOldComputationEndingAfterTheWriteLeavesNothingBehind() throws Exception {
        CountDownLatch readTheGraph = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<String> slow = pool.submit(() -> cache.get("m", k -> {
            String old = read(k);
            readTheGraph.countDown();
            await(release);
            return old;
        }));
        assertThat(readTheGraph.await(10, TimeUnit.SECONDS)).isTrue();
        graph.set(2);
        changes.changed();
        release.countDown();
        assertThat(slow.get(10, TimeUnit.SECONDS)).isEqualTo("m@1");
        assertThat(cache.size()).as("computed across a write: not kept").isZero();
        assertThat(cache.get("m", this::read)).isEqualTo("m@2");
    }

    @Test
    void underConcurrentReadsAndWritesNoReadAfterAWriteSeesAnOlderValue() throws Exception {
        GraphReadCache<String, Integer> versions = new GraphReadCache<>(changes, Duration.ofHours(1), System::nanoTime);
        AtomicInteger stored = new AtomicInteger();
        List<Future<?>> readers = new ArrayList<>();
        AtomicInteger violations = new AtomicInteger();
        for (int r = 0; r < 6; r++) {
            readers.add(pool.submit(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    long endedBefore = changes.generation(); // writes that had committed and told the cache
                    int seen = versions.get("m", k -> {
                        int v = stored.get();
                        Thread.onSpinWait();
                        return v;
                    });
                    if (seen < endedBefore) {
                        violations.incrementAndGet();
                    }
                }
            }));
        }
        for (int w = 1; w <= 2_000; w++) {
            stored.incrementAndGet(); // the write commits ...
            changes.changed();         // ... then tells the cache
            int seen = versions.get("m", k -> stored.get());
            assertThat(seen).as("the writer's next read").isGreaterThanOrEqualTo(w);
        }
        readers.forEach(f -> f.cancel(true));
        assertThat(violations).as("reads that started after a write but saw an older value").hasValue(0);
    }

    @Test
    void aFailureIsNotCachedAndReachesTheRequestsThatWaitedForIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Future<String> failing = pool.submit(() -> cache.get("missing", k -> {
            await(release);
            throw new IllegalStateException("no market " + k);
        }));
        Thread.sleep(100);
        Future<String> waiter = pool.submit(() -> cache.get("missing", this::read));
        Thread.sleep(100);
        release.countDown();
        assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> waiter.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("no market missing");
        assertThat(cache.size()).isZero();
        assertThat(cache.get("missing", this::read)).isEqualTo("missing@1");
    }

    @Test
    void zeroStalenessCachesNothingBetweenRequests() {
        GraphReadCache<String, String> none = new GraphReadCache<>(changes, Duration.ZERO, clock::get);
        assertThat(none.get("m", this::read)).isEqualTo("m@1");
        graph.set(2);
        assertThat(none.get("m", this::read)).isEqualTo("m@2");
        assertThat(computations).hasValue(2);
    }

    @Test
    void theBoundComesFromTheJvmPropertyWhenSet() {
        String before = System.getProperty(GraphReadCache.STALE_AFTER_PROPERTY);
        try {
            System.clearProperty(GraphReadCache.STALE_AFTER_PROPERTY);
            assertThat(GraphReadCache.staleAfter()).isEqualTo(GraphReadCache.STALE_AFTER_DEFAULT);
            System.setProperty(GraphReadCache.STALE_AFTER_PROPERTY, "500");
            assertThat(GraphReadCache.staleAfter()).isEqualTo(Duration.ofMillis(500));
            System.setProperty(GraphReadCache.STALE_AFTER_PROPERTY, "-1");
            assertThatThrownBy(GraphReadCache::staleAfter).hasMessageContaining(GraphReadCache.STALE_AFTER_PROPERTY).hasMessageContaining("'-1'");
            System.setProperty(GraphReadCache.STALE_AFTER_PROPERTY, "2s");
            assertThatThrownBy(GraphReadCache::staleAfter).hasMessageContaining("'2s'");
        } finally {
            if (before == null) {
                System.clearProperty(GraphReadCache.STALE_AFTER_PROPERTY);
            } else {
                System.setProperty(GraphReadCache.STALE_AFTER_PROPERTY, before);
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("test latch not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
