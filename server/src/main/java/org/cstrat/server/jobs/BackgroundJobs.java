package org.cstrat.server.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one background-jobs component (imports and simulations): a queue per owner served in turn by a fixed number of
 * worker threads, a cap on the jobs one owner may have queued or running, lookup by id, cancelling a job before it
 * starts, and retention of finished jobs. What a job does, its progress and its status are the job's own
 * ({@link Job}); this class only decides when it runs and how long it is remembered.
 *
 * <p>Fairness: the next job is the oldest queued one of the owner served least recently (owners never served first,
 * in the order they queued), so one owner's queue never waits behind all of another's. An "owner" is whatever the
 * caller limits per: the requesting user for simulations, the firm for imports (one import per firm at once).
 *
 * <p>Retention: a finished job can be read for {@code keep} (null: until pushed out), and at most {@code kept} jobs are
 * remembered; beyond that the oldest finished ones are forgotten early. Queued and running jobs are never forgotten.
 *
 * @param <J> the callers' job type
 */
public final class BackgroundJobs<J extends BackgroundJobs.Job> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundJobs.class);
    /** Jobs remembered at most (finished ones beyond this are forgotten oldest first). */
    public static final int KEPT_DEFAULT = 100;

    /** A unit of background work. {@link #run} reports its own failures in its status; anything it throws is logged. */
    public interface Job {
        /** Unique among the jobs of one {@link BackgroundJobs}. */
        String id();

        /** Whom the per-owner cap and the round-robin count this job against. */
        String owner();

        /** Does the work on a worker thread. */
        void run();

        /**
         * Whether the job has reached its end (done, failed, cancelled…) as its pollers see it. A finished job no longer
         * counts against its owner's cap, even before its worker has returned: a poller that saw it end may start the next.
         */
        boolean finished();
    }

    private record Entry<J>(J job, Instant finishedAt) {
    }

    private final String name;
    private final int perOwner;
    private final Duration keep;
    private final int kept;
    private final Clock clock;
    /** Guards everything below; the workers wait on it. */
    private final Object lock = new Object();
    private final LinkedHashMap<String, Entry<J>> jobs = new LinkedHashMap<>();
    /** Queued jobs per owner, in the order the owners first queued; an owner leaves when her queue is empty. */
    private final LinkedHashMap<String, ArrayDeque<J>> queues = new LinkedHashMap<>();
    /** When each owner was last served (a tick of {@link #served}). */
    private final Map<String, Long> lastServed = new HashMap<>();
    private long served;
    private boolean closed;
    private final List<Thread> workers = new ArrayList<>();

    /**
     * @param name     names the worker threads ({@code name}, or {@code name-2}… with several) and the log lines
     * @param threads  jobs that run at once (at least 1)
     * @param perOwner jobs one owner may have queued or running at once (at least 1)
     * @param keep     how long a finished job can still be read, or null for no time limit
     * @param kept     jobs remembered at most (at least 1)
     */
    public BackgroundJobs(String name, int threads, int perOwner, Duration keep, int kept, Clock clock) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name: the workers need a name, was " + name);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (perOwner < 1) {
            throw new IllegalArgumentException("perOwner must be at least 1, got " + perOwner);
        }
        if (keep != null && keep.isNegative()) {
            throw new IllegalArgumentException("keep must be zero or positive, got " + keep);
        }
        if (kept < 1) {
            throw new IllegalArgumentException("kept must be at least 1, got " + kept);
        }
        this.name = name;
        this.perOwner = perOwner;
        this.keep = keep;
        this.kept = kept;
        this.clock = Objects.requireNonNull(clock, "clock");
        for (int i = 1; i <= threads; i++) {
            Thread t = new Thread(this::work, i == 1 ? name : name + "-" + i);
            t.setDaemon(true);
            workers.add(t);
        }
        workers.forEach(Thread::start);
    }

    /**
     * Queues {@code job} behind its owner's earlier ones.
     *
     * @param tooMany builds the refusal when the owner already has {@code perOwner} jobs queued or running (given that
     *                number); it is thrown and nothing is queued
     * @throws IllegalStateException when closed, or when a job of the same id is remembered
     */
    public void submit(J job, IntFunction<? extends RuntimeException> tooMany) {
        Objects.requireNonNull(job, "job");
        String owner = Objects.requireNonNull(job.owner(), "job.owner()");
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException(name + " is closed");
            }
            forgetOld();
            int mine = activeOf(owner);
            if (mine >= perOwner) {
                throw tooMany.apply(mine);
            }
            if (jobs.containsKey(job.id())) {
                throw new IllegalStateException(name + ": a job with id " + job.id() + " is already known");
            }
            jobs.put(job.id(), new Entry<>(job, null));
            queues.computeIfAbsent(owner, o -> new ArrayDeque<>()).add(job);
            lock.notifyAll();
        }
    }

    /** The job of this id, while it is remembered. */
    public Optional<J> find(String id) {
        synchronized (lock) {
            forgetOld();
            return Optional.ofNullable(jobs.get(id)).map(Entry::job);
        }
    }

    /** When the worker finished the job of this id (or it was taken out of the queue); empty while queued or running. */
    Optional<Instant> finishedAt(String id) {
        synchronized (lock) {
            return Optional.ofNullable(jobs.get(id)).map(Entry::finishedAt);
        }
    }

    /** Every remembered job, oldest first. */
    public List<J> all() {
        synchronized (lock) {
            forgetOld();
            return jobs.values().stream().map(Entry::job).toList();
        }
    }

    /**
     * Takes {@code job} out of the queue if it has not started: it then never runs, counts as finished and no longer
     * against its owner. Returns false when it was not queued (running, finished or unknown).
     */
    public boolean dequeue(J job) {
        synchronized (lock) {
            ArrayDeque<J> queue = queues.get(job.owner());
            boolean removed = queue != null && queue.remove(job);
            if (queue != null && queue.isEmpty()) {
                queues.remove(job.owner());
            }
            if (removed) {
                finished(job);
            }
            return removed;
        }
    }

    /** Jobs of {@code owner} not finished yet (queued or running). */
    public int active(String owner) {
        synchronized (lock) {
            return activeOf(owner);
        }
    }

    /** Holds {@link #lock}. */
    private int activeOf(String owner) {
        int n = 0;
        for (Entry<J> e : jobs.values()) {
            if (e.finishedAt() == null && owner.equals(e.job().owner()) && !e.job().finished()) {
                n++;
            }
        }
        return n;
    }

    /** Stops the workers: no job starts any more, running ones are interrupted (each job's own cancel is the caller's). */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        workers.forEach(Thread::interrupt);
    }

    private void work() {
        while (true) {
            J job;
            synchronized (lock) {
                while (queues.isEmpty() && !closed) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                job = next();
            }
            try {
                job.run();
            } catch (Throwable t) { // a job reports its own failures; this keeps the worker alive whatever happens
                LOG.error("{}: job {} ended abnormally", name, job.id(), t);
            } finally {
                synchronized (lock) {
                    finished(job);
                }
            }
        }
    }

    /** Round-robin: the oldest queued job of the owner served least recently. Holds {@link #lock}. */
    private J next() {
        String owner = null;
        long oldest = Long.MAX_VALUE;
        for (String candidate : queues.keySet()) {
            long last = lastServed.getOrDefault(candidate, -1L);
            if (last < oldest) {
                oldest = last;
                owner = candidate;
            }
        }
        ArrayDeque<J> queue = queues.get(owner);
        J job = queue.poll();
        if (queue.isEmpty()) {
            queues.remove(owner);
        }
        lastServed.put(owner, served++);
        return job;
    }

    /** Holds {@link #lock}. */
    private void finished(J job) {
        if (jobs.containsKey(job.id())) {
            jobs.put(job.id(), new Entry<>(job, Instant.now(clock)));
        }
        forgetOld();
    }

    /** Holds {@link #lock}. */
    private void forgetOld() {
        if (keep != null) {
            Instant now = Instant.now(clock);
            jobs.values().removeIf(e -> e.finishedAt() != null && e.finishedAt().plus(keep).isBefore(now));
        }
        for (Iterator<Entry<J>> it = jobs.values().iterator(); jobs.size() > kept && it.hasNext(); ) {
            if (it.next().finishedAt() != null) {
                it.remove();
            }
        }
    }
}
