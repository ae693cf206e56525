package org.cstrat.server.neo4j;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.cstrat.server.StartupException;
import org.cstrat.server.config.WorkbenchConfig;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;

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

    private GraphConnection(Driver driver, URI uri, Optional<EmbeddedDatabase> embedded) {
        this.driver = driver;
        this.uri = uri;
        this.embedded = embedded;
    }

    /** Starts the embedded database unless the configuration names an external one, then connects the Driver. */
    public static GraphConnection open(WorkbenchConfig config) {
        if (config.external().isPresent()) {
            var external = config.external().get();
            return connect(external.uri(), AuthTokens.basic(external.user(), external.password()), Optional.empty());
        }
        return openEmbedded(config.dataDir(), config.host(), config.boltPort());
    }

    public static GraphConnection openEmbedded(Path dataDir, String host, int boltPort) {
        EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, host, boltPort);
        try {
            return connect(db.boltUri(), AuthTokens.none(), Optional.of(db));
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Connects to a running server; fails with a clear message after {@link #CONNECT_TIMEOUT_SECONDS}. */
    public static GraphConnection connect(URI uri, AuthToken auth, Optional<EmbeddedDatabase> embedded) {
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
        return new GraphConnection(driver, uri, embedded);
    }

    public Driver driver() {
        return driver;
    }

    /** The Bolt URI the application (and analysts) connect to. */
    public URI uri() {
        return uri;
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
}
