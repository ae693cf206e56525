package org.cstrat.sim.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.util.LongAccumulator;
import org.cstrat.sim.SimulationException;
import org.cstrat.sim.engine.CancellationToken;
import org.cstrat.sim.engine.ClusterRunner;
import org.cstrat.sim.engine.PartialResult;
import org.cstrat.sim.engine.ProgressListener;
import org.cstrat.sim.engine.SimulationCancelledException;
import org.cstrat.sim.engine.SimulationEngine;
import org.cstrat.sim.engine.SimulationResult;
import org.cstrat.sim.model.Checks;
import org.cstrat.sim.model.Scenario;
import scala.Tuple4;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Runs scenarios on Apache Spark: each job is a list of replication ranges, one per partition, each computed on an
 * executor by the in-process {@link SimulationEngine#runRange}; the driver merges the parts of every evaluation in
 * replication order ({@link PartialResult#merge}) and summarises them as the engine does, so the result is
 * bit-identical to {@code new SimulationEngine(n).run(scenario)} whatever the partitions, executors or retried tasks
 * (a replication's outputs depend only on the seed and its index). With a target relative error each batch is one job,
 * and the engine's own batch loop ({@link SimulationEngine#runBatched}) decides when to stop. Independent scenarios (a
 * tornado's evaluations) go in one job together.
 *
 * <p>Progress: tasks add finished replications to an accumulator; executors send its value with their heartbeats
 * ({@code spark.executor.heartbeatInterval}, Spark's 10 s unless set: shorter intervals raced the local scheduler's
 * start on a loaded machine) and with every finished task, and the driver's listener adds them up, counting a task's
 * final value only when it succeeded, so a retried task's replications are not counted twice. The caller's
 * {@link ProgressListener} is called on the caller's thread, about ten times a second.
 */
public final class SparkSimulationRunner implements ClusterRunner {
    /** Partitions per core of the cluster when not given: Spark's advice of 2-4 tasks per core, for balance and retries. */
    public static final int PARTITIONS_PER_CORE_DEFAULT = 4;
    private static final long POLL_MILLIS = 100;

    private final JavaSparkContext spark;
    private final boolean owned;
    private final int partitions;
    private final RangeTask.Fault fault;
    private final ProgressTracker tracker = new ProgressTracker();

    /**
     * A runner on an existing context (e.g. the one {@code spark-submit} made), which {@link #close} leaves running.
     *
     * @param partitions replication ranges per job; 0 for {@value #PARTITIONS_PER_CORE_DEFAULT} per core of the cluster
     */
    public SparkSimulationRunner(JavaSparkContext spark, int partitions) {
        this(spark, partitions, false, RangeTask.Fault.NONE);
    }

    SparkSimulationRunner(JavaSparkContext spark, int partitions, boolean owned, RangeTask.Fault fault) {
        this.spark = Checks.present("spark", spark);
        this.partitions = Checks.intRange("partitions", partitions, 0, 1_000_000);
        this.owned = owned;
        this.fault = Checks.present("fault", fault);
        spark.sc().addSparkListener(tracker);
    }

    /**
     * Starts a Spark context on {@code master} ({@code local[N]}, {@code spark://host:port}, {@code k8s://https://host:port},
     * {@code yarn}) and returns a runner that stops it on {@link #close}. A standalone or Kubernetes master is first
     * reached by TCP, and a standalone one must register an executor, both within {@code timeout}, so an unreachable
     * cluster fails in bounded time. Other settings come from {@code spark.*} system properties as usual.
     *
     * @throws ClusterException naming the master when it cannot be reached or gives no executor in time
     */
    public static SparkSimulationRunner connect(String master, int partitions, Duration timeout) {
        Checks.name("master", master);
        Checks.present("timeout", timeout);
        probe(master, timeout);
        SparkConf conf = new SparkConf().setMaster(master).setAppName("cstrat simulate");
        setIfAbsent(conf, "spark.ui.enabled", "false");
        if (master.startsWith("local")) {
            setIfAbsent(conf, "spark.driver.host", "127.0.0.1");
            setIfAbsent(conf, "spark.driver.bindAddress", "127.0.0.1");
        } else if (!conf.contains("spark.jars")) {
            conf.setJars(jobJars()); // executors load the engine from these; spark-submit sets spark.jars itself
        }
        JavaSparkContext context;
        try {
            context = new JavaSparkContext(conf);
        } catch (RuntimeException e) {
            throw new ClusterException("Spark master " + master + " could not be used: " + firstLine(e), e);
        }
        try {
            if (master.startsWith("spark://")) {
                awaitExecutor(context, master, timeout);
            }
            return new SparkSimulationRunner(context, partitions, true, RangeTask.Fault.NONE);
        } catch (RuntimeException e) {
            context.stop();
            throw e;
        }
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "Spark %s (%d cores, %s)", spark.master(), spark.defaultParallelism(),
                partitions == 0 ? PARTITIONS_PER_CORE_DEFAULT + " partitions per core" : partitions + " partitions per job");
    }

    @Override
    public int cores() {
        return spark.defaultParallelism();
    }

    @Override
    public SimulationResult run(Scenario scenario, ProgressListener listener, CancellationToken cancel) {
        return runAll(List.of(scenario), listener, cancel).get(0);
    }

    @Override
    public List<SimulationResult> runAll(List<Scenario> scenarios, ProgressListener listener, CancellationToken cancel) {
        Checks.nonEmptyCopy("scenarios", scenarios);
        Checks.present("listener", listener);
        Checks.present("cancel", cancel);
        long started = System.nanoTime();
        if (scenarios.stream().allMatch(s -> s.run().targetRelativeError() == 0)) {
            long total = scenarios.stream().mapToLong(s -> s.run().replications()).sum();
            List<int[]> bounds = scenarios.stream().map(s -> new int[] {0, s.run().replications()}).toList();
            List<List<PartialResult>> parts = job(scenarios, bounds, 0, total, listener, cancel);
            long elapsed = (System.nanoTime() - started) / 1_000_000;
            List<SimulationResult> out = new ArrayList<>();
            for (int i = 0; i < scenarios.size(); i++) {
                out.add(SimulationEngine.summarise(scenarios.get(i), PartialResult.merge(parts.get(i)), elapsed));
            }
            return out;
        }
        // Early stopping: the engine's batch loop, one job per batch, so the stopping point is the engine's.
        long grand = scenarios.stream().mapToLong(s -> s.run().replications()).sum();
        long before = 0;
        List<SimulationResult> out = new ArrayList<>();
        for (Scenario s : scenarios) {
            long offset = before;
            PartialResult all = SimulationEngine.runBatched(s, (from, to) ->
                    PartialResult.merge(job(List.of(s), List.of(new int[] {from, to}), offset + from, grand, listener, cancel).get(0)));
            out.add(SimulationEngine.summarise(s, all, (System.nanoTime() - started) / 1_000_000));
            before += s.run().replications();
        }
        listener.progress(grand, grand);
        return out;
    }

    /**
     * One Spark job over {@code bounds[i]} of every scenario {@code i}; returns each scenario's parts in replication
     * order. {@code before} replications of {@code grand} were done before this job (for the listener).
     */
    private List<List<PartialResult>> job(List<Scenario> scenarios, List<int[]> bounds, long before, long grand,
                                          ProgressListener listener, CancellationToken cancel) {
        long size = bounds.stream().mapToLong(b -> b[1] - b[0]).sum();
        int target = partitions > 0 ? partitions : PARTITIONS_PER_CORE_DEFAULT * spark.defaultParallelism();
        byte[][] encoded = new byte[scenarios.size()][];
        List<ReplicationRange> ranges = new ArrayList<>();
        for (int i = 0; i < scenarios.size(); i++) {
            encoded[i] = ScenarioCodec.encode(scenarios.get(i));
            int[] b = bounds.get(i);
            int pieces = (int) Math.max(1, Math.round((double) target * (b[1] - b[0]) / size));
            ranges.addAll(ReplicationRange.split(i, b[0], b[1], pieces));
        }
        LongAccumulator progress = spark.sc().longAccumulator("cstrat replications");
        String group = "cstrat-" + UUID.randomUUID();
        spark.setJobGroup(group, "cstrat: " + scenarios.get(0).name() + (scenarios.size() > 1 ? " and " + (scenarios.size() - 1) + " more" : ""),
                true);
        tracker.watch(progress.id());
        JavaFutureAction<List<RangeOutput>> future;
        try {
            future = spark.parallelize(ranges, ranges.size()).map(new RangeTask(encoded, progress, fault)).collectAsync();
        } finally {
            spark.clearJobGroup();
        }
        long reported = -1;
        List<RangeOutput> outputs;
        try {
            while (true) {
                if (cancel.isCancelled()) {
                    spark.cancelJobGroup(group);
                    throw new SimulationCancelledException(before + tracker.done(), grand);
                }
                try {
                    outputs = future.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                    break;
                } catch (TimeoutException e) {
                    long d = before + Math.min(size, tracker.done());
                    if (d != reported) {
                        listener.progress(d, grand);
                        reported = d;
                    }
                }
            }
        } catch (InterruptedException e) {
            cancel.cancel();
            spark.cancelJobGroup(group);
            Thread.currentThread().interrupt();
            throw new SimulationCancelledException(before + tracker.done(), grand);
        } catch (ExecutionException e) {
            throw failure(e.getCause());
        } finally {
            tracker.unwatch();
        }
        listener.progress(before + size, grand);
        List<List<PartialResult>> parts = new ArrayList<>();
        scenarios.forEach(s -> parts.add(new ArrayList<>()));
        outputs.stream().sorted(Comparator.comparingInt(RangeOutput::evaluation).thenComparingInt(RangeOutput::from))
                .forEach(o -> parts.get(o.evaluation()).add(o.toPartial()));
        return parts;
    }

    /** A failed job: the engine's own refusal when a task threw one (as the engine would have), else the cluster's reason. */
    private RuntimeException failure(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SimulationException || t instanceof IllegalArgumentException) {
                return (RuntimeException) t;
            }
        }
        return new ClusterException("the Spark job on " + spark.master() + " failed: " + firstLine(cause), cause);
    }

    @Override
    public void close() {
        spark.sc().removeSparkListener(tracker);
        if (owned) {
            spark.stop();
        }
    }

    private static void setIfAbsent(SparkConf conf, String key, String value) {
        if (!conf.contains(key)) {
            conf.set(key, value);
        }
    }

    /** The jars an executor needs besides Spark: this module's, the engine's and Commons RNG's. */
    private static String[] jobJars() {
        List<String> jars = new ArrayList<>();
        for (Class<?> c : new Class<?>[] {SparkSimulationRunner.class, SimulationEngine.class,
                org.apache.commons.rng.simple.RandomSource.class, org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus.class,
                org.apache.commons.rng.UniformRandomProvider.class}) {
            for (String jar : JavaSparkContext.jarOfClass(c)) {
                if (!jars.contains(jar)) {
                    jars.add(jar);
                }
            }
        }
        return jars.toArray(String[]::new);
    }

    /** Fails fast when a standalone or Kubernetes master does not accept a TCP connection (Spark itself retries for a minute). */
    static void probe(String master, Duration timeout) {
        List<InetSocketAddress> addresses = new ArrayList<>();
        if (master.startsWith("spark://")) {
            for (String hostPort : master.substring("spark://".length()).split(",")) {
                addresses.add(address(master, "spark://" + hostPort, 7077));
            }
        } else if (master.startsWith("k8s://")) {
            String api = master.substring("k8s://".length());
            addresses.add(address(master, api.contains("://") ? api : "https://" + api, 443));
        }
        if (addresses.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (true) {
            for (InetSocketAddress a : addresses) {
                try (Socket socket = new Socket()) {
                    socket.connect(a, (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
                    return;
                } catch (IOException e) {
                    last = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                }
            }
            if (System.nanoTime() > deadline) {
                throw new ClusterException(String.format(Locale.ROOT, "Spark master %s cannot be reached (%s; tried for %d s)",
                        master, last, timeout.toSeconds()), null);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ClusterException("Spark master " + master + ": interrupted while connecting", e);
            }
        }
    }

    private static InetSocketAddress address(String master, String uri, int defaultPort) {
        try {
            URI u = new URI(uri);
            if (u.getHost() == null) {
                throw new IllegalArgumentException("no host");
            }
            return new InetSocketAddress(u.getHost(), u.getPort() < 0 ? defaultPort : u.getPort());
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            throw new ClusterException("Spark master " + master + " is not a valid master URL (expected spark://host:port,"
                    + " k8s://https://host:port, yarn or local[N])", e);
        }
    }

    /** A standalone master answers TCP before it has workers for us: wait for one executor, within the timeout. */
    private static void awaitExecutor(JavaSparkContext context, String master, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (context.sc().statusTracker().getExecutorInfos().length <= 1) { // the driver is listed too
            if (System.nanoTime() > deadline) {
                throw new ClusterException(String.format(Locale.ROOT, "Spark master %s gave no executor within %d s (are its workers"
                        + " running, with free cores and memory for spark.executor.memory?)", master, timeout.toSeconds()), null);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ClusterException("Spark master " + master + ": interrupted while waiting for an executor", e);
            }
        }
    }

    private static String firstLine(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.lines().findFirst().orElse("").strip();
    }

    /**
     * Adds up the progress accumulator of the job being watched: the latest heartbeat value of every running task, plus
     * the final value of every task that succeeded. Spark's listener bus calls it on its own thread.
     */
    private static final class ProgressTracker extends SparkListener {
        private volatile long accumulator = -1;
        private final Map<Long, Long> running = new ConcurrentHashMap<>();
        private final AtomicLong finished = new AtomicLong();

        void watch(long id) {
            running.clear();
            finished.set(0);
            accumulator = id;
        }

        void unwatch() {
            accumulator = -1;
        }

        long done() {
            long d = finished.get();
            for (long v : running.values()) {
                d += v;
            }
            return d;
        }

        @Override
        public void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate update) {
            for (Tuple4<Object, Object, Object, scala.collection.immutable.Seq<AccumulableInfo>> task
                    : CollectionConverters.asJava(update.accumUpdates())) {
                Long value = valueOf(task._4());
                if (value != null) {
                    running.put((Long) task._1(), value);
                }
            }
        }

        @Override
        public void onTaskEnd(SparkListenerTaskEnd end) {
            long task = end.taskInfo().taskId();
            running.remove(task);
            if (end.taskInfo().successful()) {
                Long value = valueOf(end.taskInfo().accumulables());
                if (value != null) {
                    finished.addAndGet(value);
                }
            }
        }

        private Long valueOf(scala.collection.Seq<AccumulableInfo> infos) {
            long id = accumulator;
            for (AccumulableInfo info : CollectionConverters.asJava(infos)) {
                if (info.id() == id && info.update().isDefined()) {
                    return ((Number) info.update().get()).longValue();
                }
            }
            return null;
        }
    }
}
