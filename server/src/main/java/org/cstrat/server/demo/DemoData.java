package org.cstrat.server.demo;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import org.cstrat.server.neo4j.BootstrapProgress;
import org.cstrat.server.neo4j.DemoStoreArchive;
import org.cstrat.server.neo4j.GraphBootstrap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares the graph the workbench starts on: the bootstrap (schema, reference data, orphan firms), then, into a
 * database with no market yet and when wanted, the demo: its markets with their customers, the demo firm's imported
 * customer data ({@link DemoCustomerData}) and a small stored simulation run per demo market. Built by the
 * composition root, which hands in the two later steps (they need the customer services and the run repository).
 *
 * <p>When the graph connection unpacked the prebuilt demo store into the empty data directory
 * ({@code neo4j.DemoStoreArchive}), the demo is there already: {@link #prepare} applies schema and reference data as
 * always and reports the demo as loaded from the store ({@link #lastLoad()}), without running a script.
 */
public final class DemoData {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    private final GraphBootstrap bootstrap;
    private final Neo4jDemoMarkets markets;
    private final Runnable customerData;
    private final Supplier<Runnable> simulationRuns;
    /** The prebuilt demo store unpacked by this start, until {@link #prepare} has reported it. */
    private final AtomicReference<DemoStoreArchive.Unpacked> seeded;
    private volatile Load lastLoad;

    /** How the demo got into the database: by its scripts, or unpacked from the prebuilt demo store. */
    public enum Source {
        SCRIPTS("by its scripts"), PREBUILT_STORE("from the prebuilt demo store");

        private final String words;

        Source(String words) {
            this.words = words;
        }

        /** "by its scripts" or "from the prebuilt demo store". */
        public String words() {
            return words;
        }
    }

    /** A demo load of this process: how, and how long it took (for the store: unpacking it, before the database started). */
    public record Load(Source source, long millis) {
        public Load {
            Objects.requireNonNull(source, "source");
            if (millis < 0) {
                throw new IllegalArgumentException("Load.millis must not be negative, got " + millis);
            }
        }
    }

    /**
     * @param customerData   imports, segments and values the demo firm's customer data
     * @param simulationRuns computes the demo markets' flagship runs without the graph and returns what stores them; it
     *                       runs on a thread of its own while the markets are written (the writes use about one core),
     *                       and what it returns runs once their firms exist
     * @param seeded the prebuilt demo store the graph connection unpacked into the empty data directory before the
     *               database started ({@code GraphConnection.seededDemo()}): the demo is then there already
     */
    public DemoData(GraphBootstrap bootstrap, Neo4jDemoMarkets markets, Runnable customerData, Supplier<Runnable> simulationRuns,
                    Optional<DemoStoreArchive.Unpacked> seeded) {
        this.seeded = new AtomicReference<>(Objects.requireNonNull(seeded, "seeded").orElse(null));
        this.bootstrap = Objects.requireNonNull(bootstrap, "bootstrap");
        this.markets = Objects.requireNonNull(markets, "markets");
        this.customerData = Objects.requireNonNull(customerData, "customerData");
        this.simulationRuns = Objects.requireNonNull(simulationRuns, "simulationRuns");
    }

    /** Applies schema and reference data; loads the demo when no market exists. Returns whether the demo was loaded. */
    public boolean prepare(boolean loadDemo) {
        return prepare(loadDemo, BootstrapProgress.NONE);
    }

    /** As {@link #prepare(boolean)}, telling {@code progress} each step (schema, reference data, each demo market, customer data). */
    public boolean prepare(boolean loadDemo, BootstrapProgress progress) {
        bootstrap.prepare(progress);
        DemoStoreArchive.Unpacked store = seeded.getAndSet(null);
        if (loadDemo && store != null) {
            if (!bootstrap.isEmpty()) {
                progress.phase("done", 100);
                var manifest = store.manifest();
                LOG.info("Demo markets loaded from the prebuilt demo store in {} ms (unpacked {} MB before the database started;"
                                + " built {} by Neo4j {}: {} nodes, {} relationships; ./cstrat serve --demo-from-scripts loads it by its scripts)",
                        store.millis(), store.bytes() / 1_000_000, manifest.builtAt(), manifest.neo4jVersion(), manifest.nodes(),
                        manifest.relationships());
                lastLoad = new Load(Source.PREBUILT_STORE, store.millis());
                return true;
            }
            LOG.warn("The prebuilt demo store holds no market: loading the demo by its scripts");
        }
        if (loadDemo && bootstrap.isEmpty()) {
            LOG.info("Empty database: loading the demo markets (first start only) ...");
            long start = System.nanoTime();
            CompletableFuture<Runnable> runs = new CompletableFuture<>();
            Thread simulator = new Thread(() -> {
                try {
                    runs.complete(simulationRuns.get());
                } catch (RuntimeException | Error e) {
                    runs.completeExceptionally(e);
                }
            }, "cstrat-demo-runs");
            simulator.setDaemon(true);
            simulator.start();
            markets.load(progress);
            long marketMillis = millisSince(start);
            progress.phase("demo customer data of " + DemoCustomerData.FIRM, 60);
            // the demo firm's imported customer data (source systems, unified view, segments, value)
            customerData.run();
            long customers = millisSince(start) - marketMillis;
            // a small stored simulation run per demo market's flagship firm (simulation_runs_by_npv.cypher, "Past runs")
            progress.phase("demo simulation runs", 90);
            try {
                runs.join().run();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
            progress.phase("done", 100);
            LOG.info("Demo markets loaded in {} ms (markets and their customers {} ms, {}'s imported customer data {} ms, demo runs {} ms)",
                    millisSince(start), marketMillis, DemoCustomerData.FIRM, customers,
                    millisSince(start) - marketMillis - customers);
            lastLoad = new Load(Source.SCRIPTS, millisSince(start));
            return true;
        }
        return false;
    }

    /** How this process loaded the demo; empty before {@link #prepare} did or when it found the demo there already. */
    public Optional<Load> lastLoad() {
        return Optional.ofNullable(lastLoad);
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
