package org.cstrat.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.cstrat.server.app.Services;
import org.cstrat.server.auth.AuthStore;
import org.cstrat.server.auth.Authenticator;
import org.cstrat.server.auth.PasswordHasher;
import org.cstrat.server.config.NetworkNames;
import org.cstrat.server.config.RuntimeInfo;
import org.cstrat.server.config.WorkbenchConfig;
import org.cstrat.server.core.StartupException;
import org.cstrat.server.demo.DemoData;
import org.cstrat.server.health.Readiness;
import org.cstrat.server.http.WebServer;
import org.cstrat.server.neo4j.GraphConnection;
import org.cstrat.server.view.Templates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running workbench: configuration, then the graph (embedded or external), then the services (built once by the
 * composition root, {@link Services}), then the web server. Closing it stops them in reverse order.
 */
public final class Workbench implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Workbench.class);

    private final GraphConnection graph;
    private final Services services;
    private final WebServer web;
    private final String host;
    private final String publicHost;
    private final Optional<Authenticator> auth;
    private final Readiness readiness;
    /** Completes with whether the demo was loaded, once the graph is prepared (or exceptionally). */
    private final CompletableFuture<Boolean> prepared = new CompletableFuture<>();
    private final long startNanos;
    private volatile long httpAnsweringMillis = -1;
    private volatile long preparedMillis = -1;
    private volatile boolean closing;

    private Workbench(GraphConnection graph, Services services, WebServer web, String host,
                      String publicHost, Optional<Authenticator> auth, Readiness readiness, long startNanos) {
        this.auth = auth;
        this.graph = graph;
        this.services = services;
        this.web = web;
        this.host = host;
        this.publicHost = publicHost;
        this.readiness = readiness;
        this.startNanos = startNanos;
    }

    /** Starts the workbench and waits until its graph is prepared (the demo loaded on a first start); fails as start-up did. */
    public static Workbench start(WorkbenchConfig config) {
        Workbench workbench = launch(config, () -> { });
        try {
            workbench.awaitPrepared();
            return workbench;
        } catch (RuntimeException e) {
            workbench.close();
            throw e;
        }
    }

    /**
     * Starts the web server as soon as the database is up and prepares the graph (schema, reference data, the demo on a
     * first start) on a background thread; until it is done, pages show the loading page and the API answers 503
     * ({@link Readiness}). A failure there is logged and shown on that page; the server keeps running.
     *
     * @param beforePreparing run on the loading thread before it starts (tests hold the load there to observe "loading")
     */
    public static Workbench launch(WorkbenchConfig config, Runnable beforePreparing) {
        long startNanos = System.nanoTime();
        ensurePortFree("HTTP", "--http-port", config.host(), config.httpPort());
        if (config.external().isEmpty()) {
            ensurePortFree("Bolt", "--bolt-port", config.host(), config.boltPort());
        }
        GraphConnection graph = GraphConnection.open(config);
        long databaseMillis = millisSince(startNanos);
        Workbench workbench;
        try {
            Readiness readiness = Readiness.loading();
            Services services = Services.over(graph, Services.Settings.of(config), readiness);
            Optional<Authenticator> auth = config.auth() == WorkbenchConfig.Auth.ON
                    ? Optional.of(new Authenticator(new AuthStore(config.dataDir()), new PasswordHasher(), Clock.systemUTC()))
                    : Optional.empty();
            WebServer web = web(services, auth);
            long wiredMillis = millisSince(startNanos);
            try {
                web.start(config.host(), config.httpPort(), config.trustedOrigins(), config.advertisedHost());
                LOG.info("HTTP answering {} ms after the workbench's start (database and Driver {} ms, services and handlers {} ms,"
                        + " web server {} ms; the JVM's own start before that: {} ms)", millisSince(startNanos), databaseMillis,
                        wiredMillis - databaseMillis, millisSince(startNanos) - wiredMillis, jvmMillisBefore(startNanos));
            } catch (RuntimeException e) {
                services.close();
                throw e;
            }
            workbench = new Workbench(graph, services, web, config.host(), config.publicHost(), auth, readiness, startNanos);
            workbench.httpAnsweringMillis = millisSince(startNanos);
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
        Thread loader = new Thread(() -> workbench.prepare(config, beforePreparing), "cstrat-prepare-graph");
        loader.setDaemon(true);
        loader.start();
        return workbench;
    }

    /** The loading thread: schema, reference data, the demo; then recovery of dead imports. Never throws. */
    private void prepare(WorkbenchConfig config, Runnable beforePreparing) {
        try {
            beforePreparing.run();
            boolean demoLoaded = services.demo().prepare(config.loadDemo(), readiness);
            // An embedded store is this process's alone: an import still 'running' in it died with an earlier process.
            services.importRecovery().rollBackDead(graph.isEmbedded());
            preparedMillis = millisSince(startNanos);
            readiness.markReady();
            prepared.complete(demoLoaded);
        } catch (RuntimeException | Error e) {
            if (closing) {
                prepared.completeExceptionally(new StartupException("The workbench was closed while it prepared its database", e));
                return;
            }
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            LOG.error("Preparing the database failed (at {}); the web server keeps running and shows this error: {}",
                    readiness.status().phase(), reason, e);
            readiness.markFailed(reason);
            prepared.completeExceptionally(new StartupException("Preparing the database failed: " + reason, e));
        }
    }

    /** Waits until the graph is prepared; returns whether the demo was loaded. Throws {@link StartupException} if that failed. */
    public boolean awaitPrepared() {
        try {
            return prepared.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("Interrupted while the workbench prepared its database", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new StartupException(String.valueOf(e.getCause()), e.getCause());
        }
    }

    /** Start-up's figures: milliseconds from the start to HTTP answering, and to the graph prepared (-1 until then). */
    public record StartupTimes(long httpAnsweringMillis, long preparedMillis) {
    }

    public StartupTimes startupTimes() {
        return new StartupTimes(httpAnsweringMillis, preparedMillis);
    }

    public Readiness readiness() {
        return readiness;
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** Milliseconds from the JVM's start to {@code nanos}: class loading and the command line before the workbench starts. */
    private static long jvmMillisBefore(long nanos) {
        long sinceJvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        return Math.max(0, sinceJvmStart - millisSince(nanos));
    }

    /** The web side over the services of a prepared graph: handlers wired, no login. Not started yet. */
    public static WebServer web(Services services) {
        return web(services, Optional.empty());
    }

    /**
     * The web side over {@code services}, asking for a login when {@code auth} is present; until the services' readiness
     * is ready, every route but the public ones answers "loading". Not started yet.
     */
    public static WebServer web(Services services, Optional<Authenticator> auth) {
        Templates templates = new Templates();
        return new WebServer(WebServer.Handlers.of(services, templates), templates, auth, services.readiness());
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

    /** The web app's address as clients are told it: the advertised host (this machine's name on a wildcard). */
    public URI httpUrl() {
        return URI.create("http://" + NetworkNames.uriHost(publicHost) + ":" + web.port() + "/");
    }

    /** The web app's address on this machine: loopback when it listens on a wildcard address. */
    public URI localHttpUrl() {
        return URI.create("http://" + NetworkNames.uriHost(NetworkNames.localConnectHost(host)) + ":" + web.port() + "/");
    }

    /** The Bolt address clients are told (embedded: its advertised address). */
    public URI boltUri() {
        return graph.advertisedUri();
    }

    /** Where this workbench can be reached, for {@link RuntimeInfo}: as advertised, and from this machine. */
    public RuntimeInfo runtimeInfo() {
        return new RuntimeInfo(ProcessHandle.current().pid(), httpUrl(), boltUri(), graph.isEmbedded(),
                graph.credentials().map(c -> c.user()).orElse(null), localHttpUrl(), graph.uri());
    }

    public GraphConnection graph() {
        return graph;
    }

    /** The services the web app runs on (the composition root's). */
    public Services services() {
        return services;
    }

    /** Whether the web app asks for a login but nobody could sign in yet (no user in {@code DATA/auth/users.json}). */
    public boolean needsFirstUser() {
        return auth.map(a -> !a.hasUsers()).orElse(false);
    }

    /** The web app's route table, each route with the least role it needs. */
    public List<WebServer.Route> routes() {
        return web.routes();
    }

    /** How this start loaded the demo (by its scripts or from the prebuilt store) and in how long; empty if it did not. */
    public Optional<DemoData.Load> demoLoad() {
        return services.demo().lastLoad();
    }

    /** Whether this start loaded the demo (waits until the graph is prepared). */
    public boolean demoLoaded() {
        return awaitPrepared();
    }

    @Override
    public void close() {
        closing = true;
        try {
            web.close();
            services.close();
        } finally {
            graph.close();
        }
    }
}
