package org.cstrat.server.config;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.cstrat.server.core.StartupException;

/**
 * Where a running workbench can be reached, written to {@code DATA/run/workbench.json} while
 * {@code cstrat serve} runs, so that other commands ({@code cypher-shell}, {@code simulate},
 * {@code import}) find the running server's Bolt URI without being told. Holds no secret.
 *
 * @param http       the web app as clients are told it (the advertised host)
 * @param bolt       Bolt as clients are told it
 * @param localHttp  the web app from this machine (loopback when it listens on a wildcard address); null in older files
 * @param localBolt  Bolt from this machine, what local tools connect to; null in older files
 */
public record RuntimeInfo(long pid, URI http, URI bolt, boolean embedded, String user, URI localHttp, URI localBolt) {

    /** Where this machine's tools connect to Bolt. */
    public URI connectBolt() {
        return localBolt == null ? bolt : localBolt;
    }

    /** Where this machine's tools reach the web app. */
    public URI connectHttp() {
        return localHttp == null ? http : localHttp;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public static Path file(Path dataDir) {
        return dataDir.resolve("run").resolve("workbench.json");
    }

    public void write(Path dataDir) {
        Path file = file(dataDir);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling("workbench.json.tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), this);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StartupException("Cannot write " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    public static void delete(Path dataDir) {
        try {
            Files.deleteIfExists(file(dataDir));
        } catch (IOException ignored) {
            // a stale file is detected by its pid on the next read
        }
    }

    /** The running workbench for this data directory, if its process is alive. */
    public static Optional<RuntimeInfo> read(Path dataDir) {
        Path file = file(dataDir);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            RuntimeInfo info = JSON.readValue(file.toFile(), RuntimeInfo.class);
            return ProcessHandle.of(info.pid()).filter(ProcessHandle::isAlive).map(p -> info);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
