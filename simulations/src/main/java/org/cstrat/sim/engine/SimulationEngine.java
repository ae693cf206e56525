package org.cstrat.sim.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.apache.commons.rng.UniformRandomProvider;
import org.cstrat.sim.model.Checks;
import org.cstrat.sim.model.CompiledStrategy;
import org.cstrat.sim.model.ModelParameters;
import org.cstrat.sim.model.OutputLayout;
import org.cstrat.sim.model.ParameterPaths;
import org.cstrat.sim.model.Scenario;
import org.cstrat.sim.model.Strategy;
import org.cstrat.sim.model.UncertainParameter;
import org.cstrat.sim.stats.Distribution;

/**
 * Runs the replications of a scenario on a number of worker threads.
 *
 * <p>Replication {@code i} uses only stream {@code i} of {@link ReplicationStreams}: first one
 * uniform per uncertain parameter (in scenario order), then two keys from which every customer's
 * own stream is derived. Every strategy of the scenario is simulated on the same keys (common random
 * numbers). Workers claim replication indices from a shared counter, create their generators inside
 * their own thread and write each replication into its own slot, so the outputs, and every
 * statistic computed from them in replication order, are bit-identical for any number of threads.
 *
 * <p>With a target relative error the run proceeds in batches of {@code run.batchSize}
 * replications and stops after the first complete batch at which every strategy's NPV standard
 * error is at most that share of |mean|; the batch boundaries, and so the stopping point, do not
 * depend on the number of threads.
 *
 * <p>The engine holds no state between runs and may be used by several callers at once; each run
 * starts and stops its own worker threads.
 */
public final class SimulationEngine implements SimulationRunner {
    /**
     * Recorded with every run so stored results can be traced to the model that made them. The same
     * seed gives bit-identical results only under the same version. 1.1.0: acceptance is the exact
     * logistic (1.0.0 interpolated a table, error below 3e-6), so a few decisions and the last bits
     * of sums differ from 1.0.0 runs; statistically the results are the same. 1.2.0: after a bad
     * automatically executed episode the authorisation is withdrawn with probability withdrawalProbability
     * also when the good-outcome probability q is negative (1.1.0 gave only max(0, w + q (1 - w)) there);
     * runs with no such episode are bit-identical to 1.1.0, the others differ statistically. 1.3.0: a
     * subscription may add a price per unit used (a two-part tariff, {@code pricePerUnit}); every scenario 1.2.0
     * could read (no such price) gives bit-identical results.
     */
    public static final String VERSION = "1.3.0";
    private static final long POLL_MILLIS = 100;

    private final int threads;

    public SimulationEngine(int threads) {
        this.threads = Checks.intRange("threads", threads, 1, 1024);
    }

    /** An engine with one worker per available processor. */
    public static SimulationEngine withAvailableProcessors() {
        return new SimulationEngine(Runtime.getRuntime().availableProcessors());
    }

    public int threads() {
        return threads;
    }

    /** Runs the scenario and summarises it, without progress reporting or cancellation. */
    public SimulationResult run(Scenario scenario) {
        return run(scenario, ProgressListener.NONE, CancellationToken.none());
    }

    /**
     * Runs {@code scenario.run().replications()} replications (fewer when stopping early) and
     * summarises them.
     *
     * @throws SimulationCancelledException when {@code cancel} is cancelled or the caller is interrupted
     */
    @Override
    public SimulationResult run(Scenario scenario, ProgressListener listener, CancellationToken cancel) {
        long started = System.nanoTime();
        PartialResult all = runReplications(scenario, listener, cancel);
        boolean early = all.replications() < scenario.run().replications();
        return Summariser.summarise(scenario, all, early, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Runs replications {@code [from, to)} only (no early stopping): the unit of work of a remote
     * worker. Join the parts with {@link PartialResult#merge(List)} and summarise with
     * {@link #summarise(Scenario, PartialResult)}.
     */
    public PartialResult runRange(Scenario scenario, int from, int to, ProgressListener listener, CancellationToken cancel) {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("range must satisfy 0 <= from <= to, was [" + from + ", " + to + ")");
        }
        Plan plan = new Plan(scenario);
        ExecutorService pool = newPool();
        try {
            return plan.batch(pool, from, to, new AtomicLong(), to - from, listener, cancel);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Summarises merged outputs exactly as {@link #run} would. */
    public static SimulationResult summarise(Scenario scenario, PartialResult merged) {
        return summarise(scenario, merged, 0);
    }

    /** Summarises merged outputs exactly as {@link #run} would, recording how long the run took. */
    public static SimulationResult summarise(Scenario scenario, PartialResult merged, long elapsedMillis) {
        return Summariser.summarise(scenario, merged, merged.replications() < scenario.run().replications(), elapsedMillis);
    }

    /** Computes replications {@code [from, to)} of a scenario; the unit of work of {@link #runBatched}. */
    @FunctionalInterface
    public interface RangeRunner {
        PartialResult run(int from, int to);
    }

    /**
     * The engine's batch loop, for any way of computing ranges: all replications in one range, or with a target
     * relative error, ranges of {@code run.batchSize} until the first batch after which every strategy's NPV standard
     * error is at most the target. A distributed runner calls it with a {@code ranges} that splits each batch over its
     * workers, so it stops at the same replication as this engine and merges the same values.
     */
    public static PartialResult runBatched(Scenario scenario, RangeRunner ranges) {
        int total = scenario.run().replications();
        double target = scenario.run().targetRelativeError();
        int batch = target > 0 ? scenario.run().batchSize() : total;
        List<PartialResult> parts = new ArrayList<>();
        for (int from = 0; from < total; from += batch) {
            int to = Math.min(total, from + batch);
            parts.add(ranges.run(from, to));
            if (target > 0 && to < total) {
                PartialResult sofar = PartialResult.merge(parts);
                parts = new ArrayList<>(List.of(sofar));
                if (converged(sofar, target)) {
                    return sofar;
                }
            }
        }
        return PartialResult.merge(parts);
    }

    /** Runs all replications (or until the target error) and returns the raw outputs. */
    public PartialResult runReplications(Scenario scenario, ProgressListener listener, CancellationToken cancel) {
        Checks.present("scenario", scenario);
        Checks.present("listener", listener);
        Checks.present("cancel", cancel);
        Plan plan = new Plan(scenario);
        int total = scenario.run().replications();
        AtomicLong done = new AtomicLong();
        ExecutorService pool = newPool();
        try {
            PartialResult all = runBatched(scenario, (from, to) -> plan.batch(pool, from, to, done, total, listener, cancel));
            if (all.replications() < total) {
                listener.progress(all.replications(), all.replications()); // stopped early: the bar ends at 100 %
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean converged(PartialResult r, double target) {
        if (r.replications() < 2) {
            return false;
        }
        for (int s = 0; s < r.strategies().size(); s++) {
            Distribution d = Distribution.of(r.column(s, OutputLayout.NPV));
            if (!(d.relativeError() <= target)) {
                return false;
            }
        }
        return true;
    }

    private ExecutorService newPool() {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "cstrat-sim-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        return Executors.newFixedThreadPool(threads, factory);
    }

    /** What one run needs: the scenario compiled once (or per replication under uncertainty). */
    private final class Plan {
        private final Scenario scenario;
        private final List<Strategy> strategies;
        private final CompiledStrategy[] fixed;
        private final OutputLayout layout;
        private final List<String> names;
        /** Each worker thread's own cursor, created inside that thread; lives as long as the run's pool. */
        private final ThreadLocal<ReplicationStreams> cursors;

        Plan(Scenario scenario) {
            long seed = scenario.run().seed();
            this.cursors = ThreadLocal.withInitial(() -> new ReplicationStreams(seed));
            this.scenario = scenario;
            this.strategies = scenario.strategies();
            for (UncertainParameter u : scenario.uncertainty()) {
                if (u.parameter().equals("periods")) {
                    throw new IllegalArgumentException("uncertainty: the horizon (periods) cannot be uncertain, was " + u.parameter());
                }
            }
            this.fixed = compile(scenario.parameters());
            this.layout = fixed[0].layout();
            this.names = strategies.stream().map(Strategy::name).toList();
        }

        private CompiledStrategy[] compile(ModelParameters p) {
            CompiledStrategy[] c = new CompiledStrategy[strategies.size()];
            for (int i = 0; i < c.length; i++) {
                c[i] = new CompiledStrategy(p, strategies.get(i));
            }
            return c;
        }

        PartialResult batch(ExecutorService pool, int from, int to, AtomicLong done, long total,
                            ProgressListener listener, CancellationToken cancel) {
            int stride = layout.stride();
            long length = (long) (to - from) * stride;
            if (length > WorkEstimate.MAX_ARRAY_LENGTH) {
                throw new IllegalArgumentException("run.replications: " + (to - from) + " replications x " + stride
                        + " outputs each exceed one array's " + WorkEstimate.MAX_ARRAY_LENGTH + " elements, was " + (to - from));
            }
            double[][] outputs = new double[strategies.size()][(int) length];
            AtomicInteger next = new AtomicInteger(from);
            AtomicBoolean failed = new AtomicBoolean();
            List<Future<?>> futures = new ArrayList<>();
            int workers = Math.min(threads, Math.max(1, to - from));
            for (int w = 0; w < workers; w++) {
                futures.add(pool.submit(() -> {
                    ReplicationStreams streams = cursors.get();
                    // The hot loop accumulates into this worker's own buffer, allocated in its thread; only
                    // the finished replication is copied into the shared array (no false sharing).
                    double[][] scratch = new double[strategies.size()][stride];
                    // Looked at once per block of customers inside a replication, so a cancelled run stops within milliseconds.
                    BooleanSupplier stop = () -> cancel.isCancelled() || failed.get();
                    try {
                        for (int i = next.getAndIncrement(); i < to && !stop.getAsBoolean(); i = next.getAndIncrement()) {
                            if (!replicate(streams.stream(i), scratch, stop)) {
                                break; // stopped inside the replication: its outputs are incomplete and are dropped
                            }
                            for (int s = 0; s < scratch.length; s++) {
                                System.arraycopy(scratch[s], 0, outputs[s], (i - from) * stride, stride);
                            }
                            done.incrementAndGet();
                        }
                    } catch (RuntimeException | Error e) {
                        failed.set(true);
                        throw e;
                    }
                    return null;
                }));
            }
            await(futures, done, total, listener, cancel);
            return new PartialResult(scenario.name(), scenario.run().seed(), VERSION, from, to, layout, names, outputs);
        }

        /** Simulates replication {@code stream} into {@code scratch}; false when {@code stop} said so before the end. */
        private boolean replicate(UniformRandomProvider stream, double[][] scratch, BooleanSupplier stop) {
            CompiledStrategy[] compiled = fixed;
            if (!scenario.uncertainty().isEmpty()) {
                ModelParameters p = scenario.parameters();
                for (UncertainParameter u : scenario.uncertainty()) {
                    p = ParameterPaths.with(p, u.parameter(), u.quantile(stream.nextDouble()));
                }
                compiled = compile(p);
            }
            long key0 = stream.nextLong();
            long key1 = stream.nextLong();
            for (int s = 0; s < compiled.length; s++) {
                Arrays.fill(scratch[s], 0.0);
                if (!compiled[s].simulate(key0, key1, scratch[s], 0, stop)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static void await(List<Future<?>> futures, AtomicLong done, long total, ProgressListener listener,
                              CancellationToken cancel) {
        long reported = -1;
        try {
            for (Future<?> f : futures) {
                while (true) {
                    try {
                        f.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                        break;
                    } catch (TimeoutException e) {
                        long d = done.get();
                        if (d != reported) {
                            listener.progress(d, total);
                            reported = d;
                        }
                    }
                }
            }
        } catch (InterruptedException e) {
            cancel.cancel();
            Thread.currentThread().interrupt();
            throw new SimulationCancelledException(done.get(), total);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error error) {
                throw error; // OutOfMemoryError, StackOverflowError ...: the caller reports what it was
            }
            throw new IllegalStateException("simulation worker failed", e.getCause());
        }
        if (cancel.isCancelled()) {
            throw new SimulationCancelledException(done.get(), total);
        }
        long d = done.get();
        if (d != reported) {
            listener.progress(d, total);
        }
    }
}
