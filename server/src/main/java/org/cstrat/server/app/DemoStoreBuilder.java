package org.cstrat.server.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

import org.cstrat.server.config.WorkbenchConfig;
import org.cstrat.server.neo4j.CypherFiles;
import org.cstrat.server.neo4j.DemoStoreArchive;
import org.cstrat.server.neo4j.GraphConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the prebuilt demo store at build time ({@code server/pom.xml}, phase {@code prepare-package}, a JVM of its own):
 * in a temporary data directory it starts the embedded database, loads the demo through exactly the path {@code serve}
 * takes on an empty database ({@link Services} and {@code DemoData.prepare(true, ...)}, the demo by its scripts), shuts
 * the database down cleanly and writes its store folders and a manifest ({@link DemoStoreArchive#write}) into the given
 * directory, {@code target/classes/demo-store}, so that they go into {@code cstrat-server.jar}.
 *
 * <p>It lives in the composition root because it builds the services; {@code demo} may not know {@code app}.
 *
 * <p>Usage: {@code DemoStoreBuilder OUT_DIR [SKIP]}; with {@code SKIP} {@code true} it only removes an archive an earlier
 * build left in {@code OUT_DIR} ({@code -Dcstrat.demoStore.skip=true}: a first start then loads the demo by its scripts).
 */
public final class DemoStoreBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(DemoStoreBuilder.class);

    private DemoStoreBuilder() {
    }

    /** What a build produced: the manifest, the store's and the archive's size in bytes, and how long it took. */
    public record Built(DemoStoreArchive.Manifest manifest, long storeBytes, long archiveBytes, long millis) {

        /** The one line the build prints. */
        public String line(Path outDir) {
            return String.format(Locale.ROOT, "Prebuilt demo store: %,d nodes, %,d relationships, store %.1f MB -> %s %.1f MB, built in %.1f s (Neo4j %s)",
                    manifest.nodes(), manifest.relationships(), storeBytes / 1e6,
                    outDir.resolve(DemoStoreArchive.ARCHIVE_NAME), archiveBytes / 1e6, millis / 1000.0, manifest.neo4jVersion());
        }
    }

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: DemoStoreBuilder OUT_DIR [SKIP]");
            System.exit(2);
        }
        Path outDir = Path.of(args[0]);
        int status = 0;
        try {
            if (args.length == 2 && Boolean.parseBoolean(args[1].strip())) {
                boolean removed = DemoStoreArchive.remove(outDir);
                System.out.println("Prebuilt demo store skipped (-Dcstrat.demoStore.skip=true)" + (removed ? "; the earlier one in " + outDir + " removed" : "")
                        + ": a first start loads the demo by its scripts");
            } else {
                Built built = build(outDir);
                System.out.println(built.line(outDir));
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("Building the prebuilt demo store failed", e);
            System.err.println("Building the prebuilt demo store into " + outDir + " failed: " + e.getMessage());
            status = 1;
        }
        System.out.flush();
        // Neo4j and the Driver may leave non-daemon threads behind: the forked build JVM must end
        System.exit(status);
    }

    /** Builds the demo store into {@code outDir} (created if needed), through a temporary data directory it removes. */
    public static Built build(Path outDir) throws IOException {
        long start = System.nanoTime();
        Path home = Files.createTempDirectory("cstrat-demo-store");
        try {
            byte[] secret = new byte[18];
            new SecureRandom().nextBytes(secret);
            // a throw-away password (kept nowhere): the start that unpacks the store sets its own
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            WorkbenchConfig config = new WorkbenchConfig(home, WorkbenchConfig.DEFAULT_HOST, 0, 0, Optional.empty(),
                    Optional.of(password), true).withDemoFromScripts(true);
            long nodes;
            long relationships;
            try (GraphConnection graph = GraphConnection.open(config); Services services = Services.over(graph)) {
                if (!services.demo().prepare(true, (phase, percent) -> LOG.info("Demo store: {} ({} %)", phase, percent))) {
                    throw new IllegalStateException("the demo was not loaded into the fresh database in " + home);
                }
                var counts = graph.driver().executableQuery(CypherFiles.query("bootstrap/count_graph")).execute().records().get(0);
                nodes = counts.get("nodes").asLong();
                relationships = counts.get("relationships").asLong();
            }
            // closed: the database has shut down cleanly, its store is consistent on disk
            DemoStoreArchive.Manifest manifest = DemoStoreArchive.write(home, outDir, nodes, relationships, Instant.now());
            return new Built(manifest, DemoStoreArchive.storeBytes(home),
                    Files.size(outDir.resolve(DemoStoreArchive.ARCHIVE_NAME)), (System.nanoTime() - start) / 1_000_000);
        } finally {
            deleteQuietly(home);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Could not remove the temporary directory {}: {}", dir, e.getMessage());
        }
    }
}
