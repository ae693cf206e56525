package org.cstrat.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;

import org.cstrat.customers.imports.ImportJobs;
import org.cstrat.customers.imports.ImportRecovery;
import org.cstrat.customers.imports.ImportService;
import org.cstrat.customers.imports.Neo4jImportStore;
import org.cstrat.customers.web.CustomerServices;
import org.cstrat.customers.web.CustomersApi;
import org.cstrat.customers.web.CustomersPages;
import org.cstrat.server.config.WorkbenchConfig;
import org.cstrat.server.editing.EditApi;
import org.cstrat.server.editing.EditForms;
import org.cstrat.server.editing.EditPages;
import org.cstrat.server.editing.EditingService;
import org.cstrat.server.editing.Neo4jEditingRepository;
import org.cstrat.server.firm.FirmApi;
import org.cstrat.server.firm.FirmPages;
import org.cstrat.server.firm.FirmService;
import org.cstrat.server.firm.Neo4jFirmRepository;
import org.cstrat.server.console.ConsoleApi;
import org.cstrat.server.console.ConsolePages;
import org.cstrat.server.console.ConsoleService;
import org.cstrat.server.console.CypherConsole;
import org.cstrat.server.console.QueryLibrary;
import org.cstrat.server.health.HealthApi;
import org.cstrat.server.health.HealthService;
import org.cstrat.server.http.Templates;
import org.cstrat.server.http.WebServer;
import org.cstrat.server.market.MarketApi;
import org.cstrat.server.market.MarketPages;
import org.cstrat.server.market.MarketService;
import org.cstrat.server.market.Neo4jMarketRepository;
import org.cstrat.server.neo4j.GraphBootstrap;
import org.cstrat.server.neo4j.GraphConnection;
import org.cstrat.server.simulation.CalibrationService;
import org.cstrat.server.simulation.Neo4jFirmCalibration;
import org.cstrat.server.simulation.Neo4jSimulationRunRepository;
import org.cstrat.server.simulation.SimulationApi;
import org.cstrat.server.simulation.SimulationPages;
import org.cstrat.server.simulation.SimulationService;
import org.cstrat.sim.engine.SimulationEngine;

/**
 * The composition root: configuration, then the graph (embedded or external), then repositories and
 * services, then the web server. Closing it stops them in reverse order.
 */
public final class Workbench implements AutoCloseable {

    private final GraphConnection graph;
    private final SimulationService simulations;
    private final ImportJobs importJobs;
    private final WebServer web;
    private final String host;
    private final boolean demoLoaded;

    private Workbench(GraphConnection graph, SimulationService simulations, ImportJobs importJobs, WebServer web, String host,
                      boolean demoLoaded) {
        this.graph = graph;
        this.simulations = simulations;
        this.importJobs = importJobs;
        this.web = web;
        this.host = host;
        this.demoLoaded = demoLoaded;
    }

    public static Workbench start(WorkbenchConfig config) {
        ensurePortFree("HTTP", "--http-port", config.host(), config.httpPort());
        if (config.external().isEmpty()) {
            ensurePortFree("Bolt", "--bolt-port", config.host(), config.boltPort());
        }
        GraphConnection graph = GraphConnection.open(config);
        try {
            boolean demoLoaded = new GraphBootstrap(graph.driver()).prepare(config.loadDemo());
            // An embedded store is this process's alone: an import still 'running' in it died with an earlier process.
            new ImportRecovery(graph.driver()).rollBackDead(graph.isEmbedded());
            SimulationService simulations = new SimulationService(new Neo4jFirmCalibration(graph.driver()),
                    new Neo4jSimulationRunRepository(graph.driver()), SimulationEngine.withAvailableProcessors(), Clock.systemUTC());
            ImportJobs importJobs = new ImportJobs(new ImportService(new Neo4jImportStore(graph.driver()), graph.changes()), Clock.systemUTC());
            WebServer web = web(graph, simulations, importJobs);
            try {
                web.start(config.host(), config.httpPort(), config.trustedOrigins());
            } catch (RuntimeException e) {
                importJobs.close();
                simulations.close();
                throw e;
            }
            return new Workbench(graph, simulations, importJobs, web, config.host(), demoLoaded);
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    /** The web side over a prepared graph: repositories, services and handlers, wired. Not started yet. */
    public static WebServer web(GraphConnection graph, SimulationService simulations, ImportJobs importJobs) {
        Templates templates = new Templates();
        var driver = graph.driver();
        MarketService markets = new MarketService(new Neo4jMarketRepository(driver), graph.changes());
        FirmService firms = new FirmService(new Neo4jFirmRepository(driver));
        Neo4jEditingRepository editingRepository = new Neo4jEditingRepository(driver);
        EditingService editing = new EditingService(editingRepository, graph.changes());
        ConsoleService console = new ConsoleService(new CypherConsole(driver), QueryLibrary.load());
        CustomerServices customers = CustomerServices.over(driver, graph.changes());
        return new WebServer(new WebServer.Handlers(
                new HealthApi(new HealthService(graph)),
                new MarketApi(markets),
                new MarketPages(markets, templates),
                new SimulationApi(simulations, new CalibrationService(new Neo4jFirmCalibration(driver), firms)),
                new SimulationPages(simulations, templates),
                new ConsoleApi(console),
                new ConsolePages(console, templates),
                new FirmApi(firms),
                new FirmPages(firms, templates),
                new EditApi(editing, markets, firms),
                new EditPages(editing, new EditForms(markets, firms, editingRepository), templates),
                new CustomersApi(customers, importJobs), new CustomersPages(customers, importJobs, templates)), templates);
    }

    /** Fails fast, before the database's start-up, when a fixed port is already taken. */
    private static void ensurePortFree(String what, String option, String host, int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(InetAddress.getByName(host), port));
        } catch (IOException e) {
            throw new StartupException(what + " port " + port + " on " + host + " is already in use or not available"
                    + " (choose another with " + option + "): " + e.getMessage());
        }
    }

    public URI httpUrl() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + h + ":" + web.port() + "/");
    }

    public URI boltUri() {
        return graph.uri();
    }

    /** Where this workbench can be reached, for {@link RuntimeInfo}. */
    public RuntimeInfo runtimeInfo() {
        return new RuntimeInfo(ProcessHandle.current().pid(), httpUrl(), boltUri(), graph.isEmbedded(),
                graph.credentials().map(c -> c.user()).orElse(null));
    }

    public GraphConnection graph() {
        return graph;
    }

    public boolean demoLoaded() {
        return demoLoaded;
    }

    @Override
    public void close() {
        try {
            web.close();
            importJobs.close();
            simulations.close();
        } finally {
            graph.close();
        }
    }
}
