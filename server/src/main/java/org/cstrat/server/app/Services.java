package org.cstrat.server.app;

import java.time.Clock;
import java.util.Objects;

import org.cstrat.server.config.WorkbenchConfig;
import org.cstrat.server.console.ConsoleService;
import org.cstrat.server.console.Neo4jCypherConsole;
import org.cstrat.server.console.QueryLibrary;
import org.cstrat.server.customers.CustomerServices;
import org.cstrat.server.customers.identity.IdentityService;
import org.cstrat.server.customers.identity.Neo4jIdentityStore;
import org.cstrat.server.customers.imports.CsvTable;
import org.cstrat.server.customers.imports.ImportJobs;
import org.cstrat.server.customers.imports.Neo4jImportRecovery;
import org.cstrat.server.customers.imports.ImportService;
import org.cstrat.server.customers.imports.Neo4jImportStore;
import org.cstrat.server.customers.journeys.JourneyService;
import org.cstrat.server.customers.journeys.Neo4jJourneyRepository;
import org.cstrat.server.customers.segments.Neo4jSegmentStore;
import org.cstrat.server.customers.segments.SegmentService;
import org.cstrat.server.customers.valuation.Neo4jValuationRepository;
import org.cstrat.server.customers.valuation.ValuationService;
import org.cstrat.server.demo.DemoCustomerData;
import org.cstrat.server.demo.DemoData;
import org.cstrat.server.demo.Neo4jDemoMarkets;
import org.cstrat.server.editing.EditForms;
import org.cstrat.server.editing.EditingService;
import org.cstrat.server.editing.Neo4jEditingRepository;
import org.cstrat.server.firm.FirmService;
import org.cstrat.server.firm.Neo4jFirmRepository;
import org.cstrat.server.health.HealthService;
import org.cstrat.server.health.Readiness;
import org.cstrat.server.market.MarketService;
import org.cstrat.server.market.Neo4jMarketRepository;
import org.cstrat.server.neo4j.GraphBootstrap;
import org.cstrat.server.neo4j.GraphConnection;
import org.cstrat.server.simulation.CalibrationService;
import org.cstrat.server.simulation.DemoSimulationRuns;
import org.cstrat.server.simulation.FirmCalibration;
import org.cstrat.server.simulation.Neo4jFirmCalibration;
import org.cstrat.server.simulation.Neo4jSimulationRunRepository;
import org.cstrat.server.simulation.SimulationService;
import org.cstrat.sim.engine.SimulationEngine;

/**
 * The composition root: every repository and service of the workbench, built once from a graph connection and
 * {@link Settings}. The web app ({@code Workbench}) and every CLI command that needs a service take them from here;
 * nothing else calls a service's or an adapter's constructor (tests aside).
 *
 * <p>The two services that own threads, {@link #simulations()} and {@link #importJobs()}, are started on first use,
 * so a CLI command that needs neither starts no thread; {@link #close()} stops those that were started. The graph
 * connection is the caller's: closing the services leaves it open.
 */
public final class Services implements AutoCloseable {

    /**
     * What the services are built with besides the graph.
     *
     * @param maxSimulationWork the most work one simulation job may ask for ({@link WorkbenchConfig#maxSimulationWork()})
     * @param maxFieldLength    the longest CSV field an import accepts, in characters
     * @param importBatch       rows per UNWIND statement of an import
     * @param importTxRows      new interactions per import transaction
     * @param importWriters     sessions writing an import's new interactions at once
     * @param readCache         whether matrices are cached until the graph changes (off: every read afresh, for benchmarks)
     */
    public record Settings(long maxSimulationWork, int maxFieldLength, int importBatch, int importTxRows, int importWriters,
                           boolean readCache) {

        /** The defaults: {@link WorkbenchConfig#DEFAULT_MAX_SIMULATION_WORK}, {@link CsvTable#MAX_FIELD_LENGTH_DEFAULT}, {@link Neo4jImportStore}'s tuning. */
        public static final Settings DEFAULT = new Settings(WorkbenchConfig.DEFAULT_MAX_SIMULATION_WORK, CsvTable.MAX_FIELD_LENGTH_DEFAULT,
                Neo4jImportStore.BATCH_DEFAULT, Neo4jImportStore.TX_ROWS_DEFAULT, Neo4jImportStore.WRITERS_DEFAULT, true);

        public Settings {
            positive("maxSimulationWork", maxSimulationWork);
            positive("maxFieldLength", maxFieldLength);
            positive("importBatch", importBatch);
            positive("importTxRows", importTxRows);
            positive("importWriters", importWriters);
        }

        /** The defaults with the workbench configuration's simulation work budget. */
        public static Settings of(WorkbenchConfig config) {
            return DEFAULT.withMaxSimulationWork(config.maxSimulationWork());
        }

        public Settings withMaxSimulationWork(long work) {
            return new Settings(work, maxFieldLength, importBatch, importTxRows, importWriters, readCache);
        }

        public Settings withMaxFieldLength(int length) {
            return new Settings(maxSimulationWork, length, importBatch, importTxRows, importWriters, readCache);
        }

        public Settings withImportTuning(int batch, int txRows, int writers) {
            return new Settings(maxSimulationWork, maxFieldLength, batch, txRows, writers, readCache);
        }

        /** Without the read cache: every matrix read and computed afresh (a benchmark of the reads). */
        public Settings withoutReadCache() {
            return new Settings(maxSimulationWork, maxFieldLength, importBatch, importTxRows, importWriters, false);
        }

        private static void positive(String field, long value) {
            if (value <= 0) {
                throw new IllegalArgumentException("Services.Settings." + field + " must be positive, got " + value);
            }
        }
    }

    private final GraphConnection graph;
    private final Settings settings;
    private final Readiness readiness;
    private final Clock clock = Clock.systemUTC();

    private final Neo4jFirmCalibration firmCalibration;
    private final MarketService markets;
    private final FirmService firms;
    private final Neo4jEditingRepository editingRepository;
    private final EditingService editing;
    private final EditForms editForms;
    private final ConsoleService console;
    private final CalibrationService calibration;
    private final CustomerServices customers;
    private final Neo4jImportRecovery importRecovery;
    private final HealthService health;
    private final DemoData demo;

    private SimulationService simulations;
    private ImportJobs importJobs;
    private boolean closed;

    private Services(GraphConnection graph, Settings settings, Readiness readiness) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.readiness = Objects.requireNonNull(readiness, "readiness");
        var driver = graph.driver();
        var changes = graph.changes();
        firmCalibration = new Neo4jFirmCalibration(driver);
        markets = settings.readCache() ? new MarketService(new Neo4jMarketRepository(driver), changes)
                : new MarketService(new Neo4jMarketRepository(driver));
        firms = new FirmService(new Neo4jFirmRepository(driver));
        editingRepository = new Neo4jEditingRepository(driver);
        editing = new EditingService(editingRepository, changes);
        editForms = new EditForms(markets, firms, editingRepository);
        console = new ConsoleService(new Neo4jCypherConsole(driver, graph::dedicatedDriver, Neo4jCypherConsole.MEMORY_BUDGET_DEFAULT), QueryLibrary.load());
        calibration = new CalibrationService(firmCalibration, firms);
        // imports and moment-of-truth tags move `changes` on (they touch what the matrix is placed from); identity
        // changes, segments and customer values write only customers, records and segments, which placement does not read
        Neo4jIdentityStore identityStore = new Neo4jIdentityStore(driver); // also says which firms exist, for every customer service
        customers = new CustomerServices(
                new ImportService(new Neo4jImportStore(driver, settings.importBatch(), settings.importTxRows(), settings.importWriters()),
                        settings.maxFieldLength(), changes),
                new IdentityService(identityStore),
                new SegmentService(new Neo4jSegmentStore(driver), identityStore),
                new JourneyService(new Neo4jJourneyRepository(driver), identityStore, changes),
                new ValuationService(new Neo4jValuationRepository(driver), identityStore));
        importRecovery = new Neo4jImportRecovery(driver);
        health = new HealthService(graph, readiness);
        demo = new DemoData(new GraphBootstrap(driver), new Neo4jDemoMarkets(driver),
                () -> DemoCustomerData.load(customers), () -> {
                    var made = DemoSimulationRuns.compute(1);
                    return () -> DemoSimulationRuns.save(new Neo4jSimulationRunRepository(driver), made);
                }, graph.seededDemo());
    }

    /** The services over {@code graph} with the {@link Settings#DEFAULT defaults}, the graph taken as prepared. */
    public static Services over(GraphConnection graph) {
        return over(graph, Settings.DEFAULT);
    }

    /** The services over {@code graph}, the graph taken as prepared (health says "ready"). */
    public static Services over(GraphConnection graph, Settings settings) {
        return over(graph, settings, Readiness.ready());
    }

    /** The services over {@code graph}; health reports {@code readiness} (the web app's, while it prepares the graph). */
    public static Services over(GraphConnection graph, Settings settings, Readiness readiness) {
        return new Services(graph, settings, readiness);
    }

    public GraphConnection graph() {
        return graph;
    }

    public Settings settings() {
        return settings;
    }

    public Readiness readiness() {
        return readiness;
    }

    public MarketService markets() {
        return markets;
    }

    public FirmService firms() {
        return firms;
    }

    public EditingService editing() {
        return editing;
    }

    /** The edit forms' choices (markets, firms, the vocabulary of the editing repository). */
    public EditForms editForms() {
        return editForms;
    }

    public ConsoleService console() {
        return console;
    }

    /** The graph-side calibration of a firm's scenario (the port simulations and scenario files resolve through). */
    public FirmCalibration firmCalibration() {
        return firmCalibration;
    }

    public CalibrationService calibration() {
        return calibration;
    }

    public CustomerServices customers() {
        return customers;
    }

    public Neo4jImportRecovery importRecovery() {
        return importRecovery;
    }

    public HealthService health() {
        return health;
    }

    /** Schema, reference data and, into a database with no market, the demo. */
    public DemoData demo() {
        return demo;
    }

    /** The background simulation jobs (started on first use; on all available cores). */
    public synchronized SimulationService simulations() {
        ensureOpen();
        if (simulations == null) {
            var driver = graph.driver();
            simulations = new SimulationService(firmCalibration, new Neo4jSimulationRunRepository(driver),
                    SimulationEngine.withAvailableProcessors(), clock, SimulationService.Limits.of(settings.maxSimulationWork()));
        }
        return simulations;
    }

    /** The background import jobs (started on first use). */
    public synchronized ImportJobs importJobs() {
        ensureOpen();
        if (importJobs == null) {
            importJobs = new ImportJobs(customers.imports(), clock);
        }
        return importJobs;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("Services: already closed");
        }
    }

    /** Stops the background jobs that were started; the graph connection stays open (it is the caller's). */
    @Override
    public synchronized void close() {
        closed = true;
        try {
            if (importJobs != null) {
                importJobs.close();
            }
        } finally {
            if (simulations != null) {
                simulations.close();
            }
        }
    }
}
