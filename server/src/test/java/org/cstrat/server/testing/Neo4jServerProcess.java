package org.cstrat.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;

/**
 * A Neo4j Community 5.26 <em>server</em> in a JVM of its own, as an operator runs one: a home directory with
 * {@code conf/neo4j.conf} (Bolt on a free loopback port, authentication on, HTTP off), the initial password set
 * with {@code neo4j-admin dbms set-initial-password} before the first start, then the server's own entry point
 * ({@code org.neo4j.server.CommunityEntryPoint}, what {@code bin/neo4j console} runs). Maven Central does not serve
 * the server distribution (the {@code org.neo4j.assembly:neo4j-community} tarball is not there), so the jars come from
 * the test classpath: the same {@code org.neo4j:neo4j} version the embedded database uses, which carries the server's
 * bootstrapper and the admin tool.
 *
 * <p>{@link #start} returns once Bolt answers an authenticated connection (or fails within {@link #START_TIMEOUT},
 * with the end of the server's log); {@link #close} stops the process (SIGTERM, then a forced kill after
 * {@link #STOP_TIMEOUT}) and deletes the home directory. A shutdown hook stops it too if the test JVM ends first.
 */
public final class Neo4jServerProcess implements AutoCloseable {

    /** How long a start may take before it counts as failed: the JVM, the store's creation, Bolt (generous: shared CI cores). */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    /** How long a SIGTERM may take before the process is killed. */
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    public static final String USER = "neo4j";

    private final Path home;
    private final int port;
    private final String password;
    private final Process process;
    private final Thread shutdownHook;

    private Neo4jServerProcess(Path home, int port, String password, Process process) {
        this.home = home;
        this.port = port;
        this.password = password;
        this.process = process;
        this.shutdownHook = new Thread(this::stopProcess, "neo4j-server-process-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Writes the configuration, sets the initial password, starts the server and waits for Bolt. */
    public static Neo4jServerProcess start(String password) {
        Path home;
        try {
            home = Files.createTempDirectory("cstrat-neo4j-server");
            Files.createDirectories(home.resolve("conf"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int port = freePort();
        writeConfig(home, port);
        runAdmin(home, "dbms", "set-initial-password", password);
        Process process;
        try {
            process = java(home, "org.neo4j.server.CommunityEntryPoint", "--home-dir=" + home, "--config-dir=" + home.resolve("conf"))
                    .redirectOutput(home.resolve("server-console.log").toFile())
                    .start();
        } catch (IOException e) {
            deleteTree(home);
            throw new UncheckedIOException("Cannot start the Neo4j server process", e);
        }
        Neo4jServerProcess server = new Neo4jServerProcess(home, port, password, process);
        try {
            server.awaitBolt();
            return server;
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
    }

    /** The configuration an operator would write: loopback Bolt with auth, no HTTP, a small page cache. */
    private static void writeConfig(Path home, int port) {
        List<String> lines = List.of(
                "server.default_listen_address=127.0.0.1",
                "server.default_advertised_address=127.0.0.1",
                "server.bolt.enabled=true",
                "server.bolt.listen_address=127.0.0.1:" + port,
                "server.bolt.advertised_address=127.0.0.1:" + port,
                "server.bolt.tls_level=DISABLED",
                "server.http.enabled=false",
                "server.https.enabled=false",
                "dbms.security.auth_enabled=true",
                "dbms.usage_report.enabled=false",
                "server.memory.pagecache.size=128m",
                // A fresh store otherwise preallocates 256 MB of transaction log per database.
                "db.tx_log.preallocate=false",
                // Bolt otherwise waits ~10 s for clients on shutdown.
                "internal.server.bolt.connection_shutdown_wait_time=1s",
                "internal.server.bolt.thread_pool_shutdown_wait_time=1s");
        try {
            Files.write(home.resolve("conf").resolve("neo4j.conf"), lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code neo4j-admin ARGS} as its own JVM, as the distribution's script runs it; fails with its output. */
    private static void runAdmin(Path home, String... args) {
        List<String> command = new ArrayList<>(List.of(args));
        try {
            Path out = home.resolve("admin.log");
            Process admin = java(home, "org.neo4j.cli.AdminTool", command.toArray(String[]::new))
                    .redirectOutput(out.toFile()).start();
            if (!admin.waitFor(120, TimeUnit.SECONDS)) {
                admin.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException("neo4j-admin " + args[0] + " " + args[1] + " did not finish within 120 s");
            }
            if (admin.exitValue() != 0) {
                throw new IllegalStateException("neo4j-admin " + args[0] + " " + args[1] + " failed (exit " + admin.exitValue() + "): "
                        + Files.readString(out));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running neo4j-admin", e);
        }
    }

    private static ProcessBuilder java(Path home, String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-XX:+UseG1GC", "-XX:-OmitStackTraceInFastThrow",
                // what the distribution's launcher opens for Neo4j on Java 17
                "--add-opens", "java.base/java.nio=ALL-UNNAMED", "--add-opens", "java.base/java.io=ALL-UNNAMED",
                "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "-Dio.netty.tryReflectionSetAccessible=true",
                "-cp", System.getProperty("java.class.path"),
                mainClass));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true);
        builder.environment().put("NEO4J_HOME", home.toString());
        builder.environment().put("NEO4J_CONF", home.resolve("conf").toString());
        return builder;
    }

    private void awaitBolt() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The Neo4j server process exited with " + process.exitValue()
                        + " before Bolt answered on port " + port + "; its log ends:\n" + logTail());
            }
            try (Driver driver = GraphDatabase.driver(boltUri(), AuthTokens.basic(USER, password),
                    Config.builder().withLogging(Logging.none()).withConnectionTimeout(2, TimeUnit.SECONDS).build())) {
                driver.verifyConnectivity();
                return;
            } catch (RuntimeException e) {
                last = e;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the Neo4j server process", e);
            }
        }
        throw new IllegalStateException("Bolt on port " + port + " did not answer within " + START_TIMEOUT.toSeconds()
                + " s (last: " + (last == null ? "-" : last.getMessage()) + "); the server's log ends:\n" + logTail(), last);
    }

    /** The last lines of the server's own log and console output, for failure messages. */
    public String logTail() {
        StringBuilder tail = new StringBuilder();
        for (Path log : List.of(home.resolve("logs").resolve("neo4j.log"), home.resolve("server-console.log"))) {
            try {
                List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
                lines.subList(Math.max(0, lines.size() - 20), lines.size()).forEach(l -> tail.append(l).append('\n'));
            } catch (IOException | UncheckedIOException e) {
                tail.append("(").append(log).append(" unreadable: ").append(e.getMessage()).append(")\n");
            }
        }
        return tail.toString();
    }

    /** {@code bolt://127.0.0.1:PORT}: a direct connection. */
    public URI boltUri() {
        return URI.create("bolt://127.0.0.1:" + port);
    }

    /** {@code neo4j://127.0.0.1:PORT}: the routing URI a cluster is given by (reads to readers, writes to the leader). */
    public URI routingUri() {
        return URI.create("neo4j://127.0.0.1:" + port);
    }

    public String password() {
        return password;
    }

    /** The server process (tests check it is gone after {@link #close}). */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    private void stopProcess() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stopProcess();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs (or ran) anyway
        }
        deleteTree(home);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is not worth failing a test for
        }
    }
}
