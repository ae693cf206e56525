package org.cstrat.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class BackgroundJobsTest {

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        volatile Instant now = Instant.parse("2026-12-07T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
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

    /** A job that records its run in {@code log} and, if {@code gate} is given, waits for it first. */
    private static final class TestJob implements BackgroundJobs.Job {
        final String id;
        final String owner;
        final List<String> log;
        final CountDownLatch gate;
        final CountDownLatch ran = new CountDownLatch(1);
        volatile boolean finished;
        final boolean explode;

        TestJob(String id, String owner, List<String> log, CountDownLatch gate, boolean explode) {
            this.id = id;
            this.owner = owner;
            this.log = log;
            this.gate = gate;
            this.explode = explode;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String owner() {
            return owner;
        }

        @Override
        public void run() {
            try {
                if (gate != null) {
                    gate.await(10, TimeUnit.SECONDS);
                }
                log.add(id);
                if (explode) {
                    throw new IllegalStateException("boom in " + id);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                finished = true;
                ran.countDown();
            }
        }

        @Override
        public boolean finished() {
            return finished;
        }
    }

    private static RuntimeException tooMany(int n) {
        return new IllegalStateException("too many: " + n);
    }

    @Test
    void ownersAreServedInTurnNotInArrivalOrder() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        CountDownLatch gate = new CountDownLatch(1);
        try (BackgroundJobs<TestJob> jobs = new BackgroundJobs<>("test-jobs", 1, 5, null, 100, Clock.systemUTC())) {
            TestJob blocker = new TestJob("block", "x", log, gate, false);
            jobs.submit(blocker, BackgroundJobsTest::tooMany);
            TestJob a1 = new TestJob("a1", "ann", log, null, false);
            TestJob a2 = new TestJob("a2", "ann", log, null, false);
            TestJob a3 = new TestJob("a3", "ann", log, null, false);
            TestJob b1 = new TestJob("b1", "bob", log, null, false);
            TestJob b2 = new TestJob("b2", "bob", log, null, false);
            for (TestJob j : List.of(a1, a2, a3, b1, b2)) {
                jobs.submit(j, BackgroundJobsTest::tooMany);
            }
            gate.countDown();
            assertThat(a3.ran.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(log).containsExactly("block", "a1", "b1", "a2", "b2", "a3");
        }
    }

    @Test
    void anOwnerBeyondTheCapIsRefusedUntilOneOfHerJobsFinishes() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        CountDownLatch gate = new CountDownLatch(1);
        try (BackgroundJobs<TestJob> jobs = new BackgroundJobs<>("test-jobs", 1, 2, null, 100, Clock.systemUTC())) {
            TestJob first = new TestJob("1", "ann", log, gate, false);
            jobs.submit(first, BackgroundJobsTest::tooMany);
            jobs.submit(new TestJob("2", "ann", log, null, false), BackgroundJobsTest::tooMany);
            assertThat(jobs.active("ann")).isEqualTo(2);
            assertThatThrownBy(() -> jobs.submit(new TestJob("3", "ann", log, null, false), BackgroundJobsTest::tooMany))
                    .isInstanceOf(IllegalStateException.class).hasMessage("too many: 2");
            assertThat(jobs.find("3")).isEmpty();
            jobs.submit(new TestJob("other", "bob", log, null, false), BackgroundJobsTest::tooMany); // another owner is not held up
            gate.countDown();
            assertThat(first.ran.await(10, TimeUnit.SECONDS)).isTrue();
            TestJob fourth = new TestJob("4", "ann", log, null, false);
            jobs.submit(fourth, BackgroundJobsTest::tooMany); // "1" has finished: room again
            assertThat(fourth.ran.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aQueuedJobCanBeTakenOutAndNeverRuns() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        CountDownLatch gate = new CountDownLatch(1);
        try (BackgroundJobs<TestJob> jobs = new BackgroundJobs<>("test-jobs", 1, 3, null, 100, Clock.systemUTC())) {
            TestJob running = new TestJob("running", "ann", log, gate, false);
            TestJob queued = new TestJob("queued", "ann", log, null, false);
            TestJob last = new TestJob("last", "ann", log, null, false);
            jobs.submit(running, BackgroundJobsTest::tooMany);
            jobs.submit(queued, BackgroundJobsTest::tooMany);
            jobs.submit(last, BackgroundJobsTest::tooMany);
            assertThat(jobs.dequeue(queued)).isTrue();
            assertThat(jobs.dequeue(queued)).isFalse();
            gate.countDown();
            assertThat(last.ran.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(log).containsExactly("running", "last");
            assertThat(jobs.find("queued")).contains(queued); // remembered, as finished
        }
    }

    @Test
    void aJobThatThrowsDoesNotStopTheWorker() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        try (BackgroundJobs<TestJob> jobs = new BackgroundJobs<>("test-jobs", 1, 3, null, 100, Clock.systemUTC())) {
            jobs.submit(new TestJob("bad", "ann", log, null, true), BackgroundJobsTest::tooMany);
            TestJob good = new TestJob("good", "ann", log, null, false);
            jobs.submit(good, BackgroundJobsTest::tooMany);
            assertThat(good.ran.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(log).containsExactly("bad", "good");
        }
    }

    @Test
    void finishedJobsAreForgottenAfterKeepOrBeyondTheCountButRunningOnesNever() throws Exception {
        HandClock clock = new HandClock();
        List<String> log = new CopyOnWriteArrayList<>();
        CountDownLatch gate = new CountDownLatch(1);
        try (BackgroundJobs<TestJob> jobs = new BackgroundJobs<>("test-jobs", 1, 10, Duration.ofMinutes(15), 3, clock)) {
            TestJob done = new TestJob("done", "ann", log, null, false);
            jobs.submit(done, BackgroundJobsTest::tooMany);
            assertThat(done.ran.await(10, TimeUnit.SECONDS)).isTrue();
            awaitForgettable(jobs, done);
            clock.now = clock.now.plus(Duration.ofMinutes(14));
            assertThat(jobs.find("done")).isPresent();
            clock.now = clock.now.plus(Duration.ofMinutes(2));
            assertThat(jobs.find("done")).isEmpty();

            TestJob running = new TestJob("running", "ann", log, gate, false);
            jobs.submit(running, BackgroundJobsTest::tooMany);
            TestJob q1 = new TestJob("q1", "ann", log, null, false);
            TestJob q2 = new TestJob("q2", "ann", log, null, false);
            TestJob q3 = new TestJob("q3", "ann", log, null, false);
            jobs.submit(q1, BackgroundJobsTest::tooMany);
            jobs.submit(q2, BackgroundJobsTest::tooMany);
            jobs.submit(q3, BackgroundJobsTest::tooMany);
            assertThat(jobs.all()).hasSize(4); // over the count of 3, but none has finished
            gate.countDown();
            assertThat(q3.ran.await(10, TimeUnit.SECONDS)).isTrue();
            awaitForgettable(jobs, q3);
            assertThat(jobs.all()).extracting(TestJob::id).containsExactly("q1", "q2", "q3");
        }
    }

    /** Waits until the worker has recorded {@code job} as finished (just after its run returns). */
    private static void awaitForgettable(BackgroundJobs<TestJob> jobs, TestJob job) throws InterruptedException {
        for (int i = 0; i < 1000 && jobs.finishedAt(job.id()).isEmpty(); i++) {
            Thread.sleep(10);
        }
        assertThat(jobs.finishedAt(job.id())).isPresent();
    }

    @Test
    void refusesNonsenseSettings() {
        assertThatThrownBy(() -> new BackgroundJobs<TestJob>("x", 0, 1, null, 1, Clock.systemUTC()))
                .hasMessageContaining("threads must be at least 1");
        assertThatThrownBy(() -> new BackgroundJobs<TestJob>("x", 1, 0, null, 1, Clock.systemUTC()))
                .hasMessageContaining("perOwner must be at least 1");
        assertThatThrownBy(() -> new BackgroundJobs<TestJob>("x", 1, 1, Duration.ofSeconds(-1), 1, Clock.systemUTC()))
                .hasMessageContaining("keep must be zero or positive");
    }
}
