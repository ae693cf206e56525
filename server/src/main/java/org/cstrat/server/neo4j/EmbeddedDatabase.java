package org.cstrat.server.neo4j;

import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import inet.ipaddr.IPAddressString;
import org.cstrat.server.core.StartupException;
import org.cstrat.server.config.NetworkNames;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.internal.kernel.api.connectioninfo.ClientConnectionInfo;
import org.neo4j.internal.kernel.api.security.AuthenticationResult;
import org.neo4j.internal.kernel.api.security.LoginContext;
import org.neo4j.kernel.api.security.AuthManager;
import org.neo4j.kernel.api.security.AuthToken;
import org.neo4j.kernel.api.security.exception.InvalidAuthTokenException;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Neo4j Community running in this JVM with its Bolt connector open, so that the application
 * (through the Driver) and the analysts' clients (cypher-shell, Neo4j Browser, any driver) reach
 * it the same way as a server. Nothing in the application uses the embedded API beyond this class (and
 * {@link StoreWriteReference}, a benchmark's yardstick).
 */
public final class EmbeddedDatabase implements AutoCloseable {

    /**
     * The memory one transaction may take as the database counts it (Cypher's collect, sort, distinct and
     * aggregation state, on-heap transaction state): a server-wide backstop. The application's largest
     * transactions, an import's 50,000-row staged transactions, need more than 256 MiB (measured with
     * {@code bench import}: refused at 64 and 256 MiB, imported at 1 GiB), so it cannot be the console's limit:
     * the console watches its own transactions against a smaller budget ({@code Neo4jCypherConsole}).
     */
    public static final long TRANSACTION_MEMORY_MAX = 1024L * 1024 * 1024;

    /** How often the database looks for transactions past their timeout (its default, 2 s, makes a 10 s timeout 12 s). */
    static final Duration TRANSACTION_MONITOR_INTERVAL = Duration.ofMillis(200);

    private final DatabaseManagementService dbms;
    private final URI boltUri;
    private final URI advertisedBoltUri;

    private EmbeddedDatabase(DatabaseManagementService dbms, URI boltUri, URI advertisedBoltUri) {
        this.dbms = dbms;
        this.boltUri = boltUri;
        this.advertisedBoltUri = advertisedBoltUri;
    }

    /** Starts the database with its store under {@code dataDir}, telling clients the listen address itself. */
    public static EmbeddedDatabase start(Path dataDir, String host, int boltPort, EmbeddedCredentials credentials) {
        return start(dataDir, host, host, boltPort, credentials);
    }

    /**
     * Starts the database with its store under {@code dataDir}.
     *
     * @param host        the address Bolt listens on; a wildcard ({@code 0.0.0.0}, {@code ::}) listens on every interface
     * @param advertised  the host clients are told (Bolt's advertised address; Neo4j refuses a wildcard there)
     * @param boltPort    0 picks a free port
     * @param credentials the password Bolt clients must give as user {@code neo4j}
     * @throws StartupException with a one-line reason when the directory is not writable or the port is taken
     */
    public static EmbeddedDatabase start(Path dataDir, String host, String advertised, int boltPort, EmbeddedCredentials credentials) {
        ensureWritable(dataDir);
        DatabaseManagementService dbms;
        try {
            dbms = new DatabaseManagementServiceBuilder(dataDir.toAbsolutePath())
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(host, boltPort))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress(advertised, boltPort))
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    .setConfig(HttpConnector.enabled, false)
                    .setConfig(HttpsConnector.enabled, false)
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    .setConfig(GraphDatabaseSettings.udc_enabled, false)
                    // A fresh store otherwise preallocates 256 MB of transaction log.
                    .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                    // Cypher must not read local files or fetch URLs (LOAD CSV) on the workbench's behalf.
                    .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                    .setConfig(GraphDatabaseInternalSettings.cypher_ip_blocklist,
                            List.of(new IPAddressString("0.0.0.0/0"), new IPAddressString("::/0")))
                    .setConfig(GraphDatabaseSettings.memory_transaction_max_size, TRANSACTION_MEMORY_MAX)
                    .setConfig(GraphDatabaseSettings.transaction_monitor_check_interval, TRANSACTION_MONITOR_INTERVAL)
                    .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                    .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                    .build();
        } catch (RuntimeException e) {
            throw translate(e, dataDir, host, boltPort);
        }
        try {
            GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            if (!db.isAvailable(Duration.ofSeconds(60).toMillis())) {
                throw new StartupException("The embedded database in " + dataDir + " did not become available within 60 s");
            }
            setPassword(dbms, credentials);
            var ports = ((GraphDatabaseAPI) db).getDependencyResolver().resolveDependency(ConnectorPortRegister.class);
            var bolt = ports.getLocalAddress(ConnectorType.BOLT);
            if (bolt == null) {
                throw new StartupException("The embedded database started without a Bolt connector on " + host + ":" + boltPort);
            }
            // This process (and local tools) connect through loopback when Bolt listens on a wildcard address.
            return new EmbeddedDatabase(dbms,
                    URI.create("bolt://" + NetworkNames.uriHost(NetworkNames.localConnectHost(host)) + ":" + bolt.getPort()),
                    URI.create("bolt://" + NetworkNames.uriHost(advertised) + ":" + bolt.getPort()));
        } catch (RuntimeException e) {
            dbms.shutdown();
            throw e instanceof StartupException se ? se : translate(e, dataDir, host, boltPort);
        }
    }

    /**
     * Makes the stored password of user neo4j the given one (it is kept across restarts in the system database). On a
     * restart it usually is already: a login check through the database's own authentication (no Cypher) finds that, and
     * the {@code ALTER USER} is skipped. That statement was the first Cypher query of the process, compiled by a cold
     * JVM before HTTP could answer: about half of a restart's time to HTTP (measured with {@code ./cstrat bench startup}).
     */
    private static void setPassword(DatabaseManagementService dbms, EmbeddedCredentials credentials) {
        GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        // a password generated by this start is new to the store: no check (a failed login would be logged as one)
        if (!credentials.generated() && passwordAlreadySet(system, credentials)) {
            return;
        }
        try {
            system.executeTransactionally("ALTER USER " + EmbeddedCredentials.USER + " SET PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("password", credentials.password()));
        } catch (QueryExecutionException e) {
            // Neo4j refuses to "change" a password to the one already set: that is the state we want.
            if (!String.valueOf(e.getMessage()).contains("Old password and new password cannot be the same")) {
                throw new StartupException("Cannot set the password of the embedded database: " + e.getMessage(), e);
            }
        }
    }

    /** Whether user neo4j can log in with the given password already; false when that cannot be told (then it is set). */
    static boolean passwordAlreadySet(GraphDatabaseService system, EmbeddedCredentials credentials) {
        try {
            AuthManager auth = ((GraphDatabaseAPI) system).getDependencyResolver().resolveDependency(AuthManager.class);
            LoginContext login = auth.login(AuthToken.newBasicAuthToken(credentials.user(), credentials.password()),
                    ClientConnectionInfo.EMBEDDED_CONNECTION);
            return login.subject().getAuthenticationResult() == AuthenticationResult.SUCCESS;
        } catch (InvalidAuthTokenException | RuntimeException e) {
            return false;
        }
    }

    /** Creates the data directory if needed; a one-line {@link StartupException} when it cannot be written. */
    public static void ensureWritable(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException | SecurityException e) {
            throw new StartupException("Data directory " + dataDir.toAbsolutePath() + " cannot be created: " + e.getMessage());
        }
        if (!Files.isDirectory(dataDir) || !Files.isWritable(dataDir)) {
            throw new StartupException("Data directory " + dataDir.toAbsolutePath() + " is not writable");
        }
    }

    private static RuntimeException translate(RuntimeException e, Path dataDir, String host, int boltPort) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return new StartupException("Bolt port " + boltPort + " on " + host + " is already in use (choose another with --bolt-port)", e);
            }
            String message = String.valueOf(t.getMessage());
            if (message.contains("Address already in use")) {
                return new StartupException("Bolt port " + boltPort + " on " + host + " is already in use (choose another with --bolt-port)", e);
            }
            if (message.contains("Lock file has been locked") || message.contains("store_lock")) {
                return new StartupException("The database in " + dataDir.toAbsolutePath() + " is in use by another process", e);
            }
        }
        return new StartupException("The embedded database in " + dataDir.toAbsolutePath() + " failed to start: " + rootMessage(e), e);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    /** The default database through Neo4j's own Java API: for {@link StoreWriteReference} only. */
    GraphDatabaseService database() {
        return dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    }

    /** The system database (users and their passwords): for tests of {@link #passwordAlreadySet}. */
    GraphDatabaseService systemDatabase() {
        return dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
    }

    /** Where this machine connects, e.g. {@code bolt://127.0.0.1:7687} (loopback when listening on a wildcard). */
    public URI boltUri() {
        return boltUri;
    }

    /** Where other machines' clients connect: the advertised host, e.g. {@code bolt://workbench.example.com:7687}. */
    public URI advertisedBoltUri() {
        return advertisedBoltUri;
    }

    @Override
    public void close() {
        dbms.shutdown();
    }
}
