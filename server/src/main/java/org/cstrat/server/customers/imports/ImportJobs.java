package org.cstrat.server.customers.imports;

import org.cstrat.input.FieldError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.cstrat.server.core.ConflictException;
import org.cstrat.server.core.ValidationException;
import org.cstrat.server.jobs.BackgroundJobs;
import org.cstrat.server.jobs.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports run in the background, so that the browser can show how a long one goes: {@link #start} checks the
 * request, queues the import and answers at once; {@link #job} tells its phase and interactions written so far
 * and, at the end, its report, its file:line:column errors or why it failed. At most {@code threads} imports run
 * at once (each already writes with several sessions), one per firm; a finished job can be read for
 * {@code keep}, then it is forgotten. The queue, the workers and the retention are {@link BackgroundJobs}', with the
 * firm as the owner and one job per owner.
 */
public final class ImportJobs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ImportJobs.class);
    /** Imports that run at once; more wait in the queue. */
    public static final int THREADS_DEFAULT = 2;
    /** How long a finished job can still be read. */
    public static final Duration KEEP_DEFAULT = Duration.ofMinutes(15);

    private final ImportService imports;
    private final Clock clock;
    private final BackgroundJobs<Job> jobs;

    public ImportJobs(ImportService imports, Clock clock) {
        this(imports, clock, KEEP_DEFAULT, THREADS_DEFAULT);
    }

    public ImportJobs(ImportService imports, Clock clock, Duration keep, int threads) {
        this.imports = Objects.requireNonNull(imports, "imports");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (keep == null) {
            throw new IllegalArgumentException("keep must be zero or positive, got " + keep);
        }
        this.jobs = new BackgroundJobs<>("cstrat-import-jobs", threads, 1, keep, BackgroundJobs.KEPT_DEFAULT, clock);
    }

    /** Where a job is: {@code queued} and {@code running}, then {@code done}, {@code rejected} or {@code failed}. */
    public enum State {
        QUEUED, RUNNING, DONE, REJECTED, FAILED;

        public boolean finished() {
            return this != QUEUED && this != RUNNING;
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A job as it is now. {@code done}/{@code total} count interactions and are 0/0 in phases without counts
     * ({@code percent} is then null). At the end exactly one of {@code report} (done), {@code errors} (rejected:
     * file:line:column and message, at most {@link ImportRejectedException#MAX_ERRORS} of {@code totalErrors}) and
     * {@code message} (failed) is set.
     */
    public record Status(String id, String firm, String state, String phase, long done, long total, Integer percent,
                         long elapsedMs, ImportReport report, List<FieldError> errors,
                         Integer totalErrors, String message) {
    }

    /**
     * Queues an import of {@code files} into {@code firm}.
     *
     * @throws org.cstrat.server.core.InvalidRequestException when the firm id is not one an import can write to
     * @throws ConflictException        when an import into the firm is already queued or running here
     */
    public Status start(String firm, List<ImportFile> files) {
        return start(firm, null, files);
    }

    /**
     * As {@link #start(String, List)}, placing a new firm (or one in "Unassigned") in {@code market} as {@code import
     * --market} does (null: a new firm goes to "Unassigned"); the caller checks the market first
     * ({@link ImportService#checkMarket}), so that a wrong one is refused before anything is queued.
     */
    public Status start(String firm, String market, List<ImportFile> files) {
        ImportParser.checkFirmId(firm);
        Job job = new Job("imp-" + UUID.randomUUID().toString().substring(0, 12), firm, market, List.copyOf(files),
                Instant.now(clock));
        // The status at acceptance (queued), taken before the worker can finish it: a file rejected at once would
        // otherwise answer the start request as already rejected, depending on thread timing.
        Status accepted = job.status();
        jobs.submit(job, running -> Neo4jImportStore.anotherImportRunning(firm));
        return accepted;
    }

    public Optional<Status> job(String jobId) {
        return jobs.find(jobId).map(Job::status);
    }

    /** Stops the workers; a running import is interrupted and rolled back (at the latest by the next start-up's recovery). */
    @Override
    public void close() {
        jobs.close();
    }

    /** One import; the worker writes its fields, pollers read them (the state last written, first read). */
    private final class Job implements ImportProgress, BackgroundJobs.Job {
        final String id;
        final String firm;
        final String market;
        final List<ImportFile> files;
        final Instant startedAt;
        volatile State state = State.QUEUED;
        volatile Progress progress = Progress.of("queued");
        volatile Instant finishedAt;
        volatile ImportReport report;
        volatile ImportRejectedException rejected;
        volatile String message;

        Job(String id, String firm, String market, List<ImportFile> files, Instant startedAt) {
            this.id = id;
            this.firm = firm;
            this.market = market;
            this.files = files;
            this.startedAt = startedAt;
        }

        @Override
        public String id() {
            return id;
        }

        /** One import per firm at once. */
        @Override
        public String owner() {
            return firm;
        }

        @Override
        public boolean finished() {
            return state.finished();
        }

        @Override
        public void phase(String name) {
            progress = Progress.of(name);
        }

        @Override
        public void interactions(long done, long total) {
            progress = progress.counted(done, total);
        }

        @Override
        public void run() {
            state = State.RUNNING;
            try {
                report = imports.importFiles(firm, market, files, this);
                finish(State.DONE);
            } catch (ImportRejectedException e) {
                rejected = e;
                finish(State.REJECTED);
            } catch (ValidationException | ConflictException e) {
                List<FieldError> errors = e instanceof ValidationException v ? v.errors() : ((ConflictException) e).errors();
                message = errors.stream().map(FieldError::message).collect(Collectors.joining("; "));
                finish(State.FAILED);
            } catch (RuntimeException e) {
                LOG.error("Import job {} into firm {} failed", id, firm, e);
                message = "The import failed and was rolled back: " + e.getMessage();
                finish(State.FAILED);
            }
        }

        private void finish(State end) {
            finishedAt = Instant.now(clock);
            state = end;
        }

        Status status() {
            State s = state;
            Progress p = progress;
            Instant end = finishedAt;
            long elapsed = Duration.between(startedAt, end == null ? Instant.now(clock) : end).toMillis();
            Integer percent = p.percent();
            ImportRejectedException r = s == State.REJECTED ? rejected : null;
            return new Status(id, firm, s.toString(), p.phase(), p.done(), p.total(), percent, elapsed,
                    s == State.DONE ? report : null,
                    r == null ? null : r.errors(),
                    r == null ? null : r.total(), s == State.FAILED ? message : null);
        }
    }
}
