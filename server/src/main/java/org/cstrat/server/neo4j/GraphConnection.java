package org.cstrat.server.neo4j;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.cstrat.server.core.StartupException;
import org.cstrat.server.config.WorkbenchConfig;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;

/**
 * The one way the application reaches the graph: a Neo4j Driver, pointed either at the embedded
 * database this process starts or at an external server or cluster. Closing it closes both.
 */
public final class GraphConnection implements AutoCloseable {

    /** How long start-up waits for an external database before giving up. */
    public static final int CONNECT_TIMEOUT_SECONDS = 20;

    private final Driver driver;
    private final URI uri;
    private final Optional<EmbeddedDatabase> embedded;
    private final Optional<EmbeddedCredentials> credentials;
    private final URI advertisedUri;
    private final AuthToken auth;
    private final GraphChanges changes = new GraphChanges();
    private final Optional<DemoStoreArchive.Unpacked> seededDemo;

    private GraphConnection(Driver driver, URI uri, AuthToken auth, Optional<EmbeddedDatabase> embedded,
                            Optional<EmbeddedCredentials> credentials, Optional<DemoStoreArchive.Unpacked> seededDemo) {
        this.seededDemo = seededDemo;
        this.driver = driver;
        this.uri = uri;
        this.advertisedUri = embedded.map(EmbeddedDatabase::advertisedBoltUri).orElse(uri);
        this.auth = auth;
        this.embedded = embedded;
        this.credentials = credentials;
    }

    /**
     * Starts the embedded database unless the configuration names an external one, then connects the Driver. A first
     * start that wants the demo unpacks the prebuilt demo store packaged with the server first, where there is one
     * ({@link #open(WorkbenchConfig, Optional)}).
     */
    public static GraphConnection open(WorkbenchConfig config) {
        return open(config, DemoStoreArchive.Source.classpath());
    }

    /**
     * As {@link #open(WorkbenchConfig)}, with the prebuilt demo store from {@code demoStore}: it is unpacked into the
     * data directory before the embedded database starts when the demo is wanted ({@code loadDemo}, not
     * {@code demoFromScripts}) and the directory has no store yet; {@link #seededDemo()} then tells so. When it cannot
     * be used (another Neo4j version, unreadable, a failure while unpacking) one line says why, nothing of it is left,
     * and the demo is loaded by its scripts as without one.
     */
    public static GraphConnection open(WorkbenchConfig config, Optional<DemoStoreArchive.Source> demoStore) {
        if (config.external().isPresent()) {
            var external = config.external().get();
            return connect(external.uri(), AuthTokens.basic(external.user(), external.password()));
        }
        EmbeddedDatabase.ensureWritable(config.dataDir());
        Optional<DemoStoreArchive.Unpacked> seeded = config.loadDemo() && !config.demoFromScripts() && demoStore.isPresent()
                && DemoStoreArchive.hasNoStore(config.dataDir())
                ? DemoStoreArchive.unpackInto(config.dataDir(), demoStore.get()) : Optional.empty();
        EmbeddedCredentials credentials = EmbeddedCredentials.resolve(config.dataDir(), config.embeddedPassword());
        EmbeddedDatabase db;
        try {
            db = EmbeddedDatabase.start(config.dataDir(), config.host(), config.publicHost(), config.boltPort(), credentials);
        } catch (StartupException e) {
            if (seeded.isEmpty()) {
                throw e;
            }
            // the store unpacked moments ago is the likeliest cause: without it, the start is an ordinary first start
            DemoStoreArchive.removeUnpacked(config.dataDir(), e.getMessage());
            seeded = Optional.empty();
            db = EmbeddedDatabase.start(config.dataDir(), config.host(), config.publicHost(), config.boltPort(), credentials);
        }
        return withDriver(db, credentials, seeded);
    }

    public static GraphConnection openEmbedded(Path dataDir, String host, int boltPort, EmbeddedCredentials credentials) {
        return openEmbedded(dataDir, host, host, boltPort, credentials);
    }

    /** The embedded database listening on {@code host}, telling clients {@code advertised}; the Driver connects locally. */
    public static GraphConnection openEmbedded(Path dataDir, String host, String advertised, int boltPort, EmbeddedCredentials credentials) {
        return withDriver(EmbeddedDatabase.start(dataDir, host, advertised, boltPort, credentials), credentials, Optional.empty());
    }

    private static GraphConnection withDriver(EmbeddedDatabase db, EmbeddedCredentials credentials,
                                              Optional<DemoStoreArchive.Unpacked> seeded) {
        try {
            AuthToken auth = AuthTokens.basic(credentials.user(), credentials.password());
            return new GraphConnection(driver(db.boltUri(), auth), db.boltUri(), auth, Optional.of(db), Optional.of(credentials), seeded);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Connects to a running server; fails with a clear message after {@link #CONNECT_TIMEOUT_SECONDS}. */
    public static GraphConnection connect(URI uri, AuthToken auth) {
        return new GraphConnection(driver(uri, auth), uri, auth, Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static Driver driver(URI uri, AuthToken auth) {
        Config config = Config.builder()
                .withConnectionTimeout(10, TimeUnit.SECONDS)
                .withConnectionAcquisitionTimeout(30, TimeUnit.SECONDS)
                .withLogging(Logging.none())
                .withUserAgent("cstrat-workbench")
                .build();
        Driver driver = GraphDatabase.driver(uri, auth, config);
        try {
            driver.verifyConnectivityAsync().toCompletableFuture().get(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            driver.close();
            throw new StartupException("Neo4j at " + uri + " did not answer within " + CONNECT_TIMEOUT_SECONDS + " s");
        } catch (ExecutionException e) {
            driver.close();
            throw new StartupException("Cannot connect to Neo4j at " + uri + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            driver.close();
            Thread.currentThread().interrupt();
            throw new StartupException("Interrupted while connecting to Neo4j at " + uri);
        }
        return driver;
    }

    public Driver driver() {
        return driver;
    }

    /**
     * A separate Driver to the same database with one connection and one network thread, for work that may
     * have to be cut off mid-answer by closing it (the console: closing drops the connection, so the database
     * terminates the transaction and nothing more of its answer is read). The caller closes it.
     */
    public Driver dedicatedDriver() {
        return GraphDatabase.driver(uri, auth, Config.builder()
                .withMaxConnectionPoolSize(1)
                .withEventLoopThreads(1)
                .withConnectionTimeout(10, TimeUnit.SECONDS)
                .withLogging(Logging.none())
                .withUserAgent("cstrat-workbench-console")
                .build());
    }

    /** The writes this process made through this connection that can change cached reads ({@link GraphReadCache}). */
    public GraphChanges changes() {
        return changes;
    }

    /** The Bolt URI the application (and analysts) connect to. */
    public URI uri() {
        return uri;
    }

    /** Where other machines reach the graph: the embedded database's advertised Bolt address, else {@link #uri()}. */
    public URI advertisedUri() {
        return advertisedUri;
    }

    /** The embedded database's Bolt credentials; empty for an external database. */
    public Optional<EmbeddedCredentials> credentials() {
        return credentials;
    }

    /** The embedded database, if this connection started one (benchmarks only: the application goes through the Driver). */
    Optional<EmbeddedDatabase> embedded() {
        return embedded;
    }

    /** The prebuilt demo store this connection's start unpacked into an empty data directory; empty otherwise. */
    public Optional<DemoStoreArchive.Unpacked> seededDemo() {
        return seededDemo;
    }

    public boolean isEmbedded() {
        return embedded.isPresent();
    }

    @Override
    public void close() {
        try {
            driver.close();
        } finally {
            embedded.ifPresent(EmbeddedDatabase::close);
        }
    }
    /** The driver's lost-connection failure (the server stopped or crashed under a running command) in the cause chain. */
    public static Optional<Throwable> lostConnection(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if ((t instanceof ServiceUnavailableException || t instanceof SessionExpiredException) && t.getMessage() != null) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code e} is the database refusing the login (a wrong or missing password). */
    public static boolean refusedLogin(Throwable e) {
        return e instanceof AuthenticationException;
    }

    /** Connects to a database at {@code uri} as {@code user} with {@code password}, or without auth when there is no password. */
    public static GraphConnection connect(URI uri, String user, Optional<String> password) {
        return connect(uri, password.isPresent() ? AuthTokens.basic(user, password.get()) : AuthTokens.none());
    }

    /** Runs the statements of a Cypher script file ({@link CypherFiles#script}) with {@code parameters}, each on its own. */
    public void runScript(String file, java.util.Map<String, Object> parameters) {
        try (org.neo4j.driver.Session session = Sessions.open(driver())) {
            for (String statement : CypherFiles.script(file)) {
                session.run(statement, parameters).consume();
            }
        }
    }
}
