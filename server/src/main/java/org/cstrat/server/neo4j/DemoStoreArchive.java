package org.cstrat.server.neo4j;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.cstrat.server.core.StartupException;
import org.neo4j.kernel.internal.Version;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The prebuilt demo store: the embedded database's store folders right after the demo was loaded into an empty database
 * (at build time, by {@code app.DemoStoreBuilder}), zipped into the server's classes with a small manifest. A first start
 * on a data directory without a store unpacks it before the database starts ({@link #unpackInto}) instead of loading the
 * demo by its scripts: the demo is seeded, so it is the same graph, and unpacking takes a fraction of a second where the
 * scripts take seconds of cold Cypher planning and writes.
 *
 * <p>Only Neo4j's store folders are archived ({@link #STORE_FOLDERS}): never {@code server_id}, the store lock, logs,
 * the Bolt password file or the web app's users. The password of user neo4j inside it is the builder's throw-away one;
 * the start that unpacks it sets its own ({@code EmbeddedDatabase}).
 */
public final class DemoStoreArchive {

    private static final Logger LOG = LoggerFactory.getLogger(DemoStoreArchive.class);

    /** Where the archive and its manifest are on the classpath (and in the builder's output directory). */
    public static final String RESOURCE_DIR = "demo-store";
    public static final String ARCHIVE_NAME = "demo-store.zip";
    public static final String MANIFEST_NAME = "manifest.properties";
    /** The layout of the archive; a start refuses another one. */
    public static final int FORMAT_VERSION = 1;
    /** The folders below the database's home that are archived, and nothing else. */
    public static final List<String> STORE_FOLDERS = List.of(
            "data/databases/neo4j", "data/databases/system", "data/transactions/neo4j", "data/transactions/system");
    /** The folder below the data directory the store folders live in: seeding happens only while it does not exist. */
    static final String DATA = "data";
    /** Where an unpack is staged before it is moved into place in one step (a killed unpack leaves only this). */
    static final String STAGING = "data.demo-store-unpacking";

    private DemoStoreArchive() {
    }

    /**
     * What the manifest says about an archive.
     *
     * @param neo4jVersion  the Neo4j version that wrote the store; a start with another version does not use it
     * @param formatVersion {@link #FORMAT_VERSION} of the builder
     * @param nodes         nodes in the demo graph
     * @param relationships relationships in it
     * @param builtAt       when it was built: the demo's timestamps (stored runs, the import's run record) are about then
     */
    public record Manifest(String neo4jVersion, int formatVersion, long nodes, long relationships, Instant builtAt) {
        public Manifest {
            if (neo4jVersion == null || neo4jVersion.isBlank()) {
                throw new IllegalArgumentException("demo store manifest: neo4jVersion is missing");
            }
            if (formatVersion < 1) {
                throw new IllegalArgumentException("demo store manifest: formatVersion must be positive, got " + formatVersion);
            }
            if (nodes < 0 || relationships < 0) {
                throw new IllegalArgumentException("demo store manifest: negative counts (nodes " + nodes + ", relationships " + relationships + ")");
            }
            Objects.requireNonNull(builtAt, "builtAt");
        }

        Properties toProperties() {
            Properties p = new Properties();
            p.setProperty("neo4jVersion", neo4jVersion);
            p.setProperty("formatVersion", Integer.toString(formatVersion));
            p.setProperty("nodes", Long.toString(nodes));
            p.setProperty("relationships", Long.toString(relationships));
            p.setProperty("builtAt", builtAt.toString());
            return p;
        }

        /** @throws IllegalArgumentException naming the field that is missing or malformed */
        static Manifest of(Properties p) {
            try {
                return new Manifest(p.getProperty("neo4jVersion"), Integer.parseInt(required(p, "formatVersion")),
                        Long.parseLong(required(p, "nodes")), Long.parseLong(required(p, "relationships")),
                        Instant.parse(required(p, "builtAt")));
            } catch (NumberFormatException | DateTimeParseException e) {
                throw new IllegalArgumentException("demo store manifest: malformed value (" + e.getMessage() + ")", e);
            }
        }

        private static String required(Properties p, String key) {
            String value = p.getProperty(key);
            if (value == null) {
                throw new IllegalArgumentException("demo store manifest: " + key + " is missing");
            }
            return value.strip();
        }
    }

    /** A store unpacked by this start: its manifest, how long unpacking took and how many bytes it wrote. */
    public record Unpacked(Manifest manifest, long millis, long bytes) {
    }

    /** Where an archive and its manifest are read from: the server's classes, or a directory (the builder's output, tests). */
    public record Source(String name, URL manifest, URL archive) {
        public Source {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(manifest, "manifest");
            Objects.requireNonNull(archive, "archive");
        }

        /** The archive packaged with the server; empty when the build skipped it ({@code -Dcstrat.demoStore.skip=true}). */
        public static Optional<Source> classpath() {
            ClassLoader loader = DemoStoreArchive.class.getClassLoader();
            URL manifest = loader.getResource(RESOURCE_DIR + "/" + MANIFEST_NAME);
            URL archive = loader.getResource(RESOURCE_DIR + "/" + ARCHIVE_NAME);
            return manifest == null || archive == null ? Optional.empty()
                    : Optional.of(new Source("the server's classes", manifest, archive));
        }

        /** The archive and manifest written by {@link #write} into {@code dir}. */
        public static Source in(Path dir) {
            try {
                return new Source(dir.toString(), dir.resolve(MANIFEST_NAME).toUri().toURL(), dir.resolve(ARCHIVE_NAME).toUri().toURL());
            } catch (java.net.MalformedURLException e) {
                throw new IllegalArgumentException("not a usable directory: " + dir, e);
            }
        }
    }

    /** The version of the Neo4j this process runs, as the manifest records it. */
    public static String runningNeo4jVersion() {
        return Version.getNeo4jVersion();
    }

    /** Whether {@code dataDir} has no store yet (its {@code data/} folder does not exist), so that seeding may happen. */
    public static boolean hasNoStore(Path dataDir) {
        return !Files.exists(dataDir.resolve(DATA));
    }

    /**
     * Writes the store folders of the stopped database under {@code home} as {@code demo-store.zip}, and its manifest,
     * into {@code outDir}. Returns the manifest.
     *
     * @throws IllegalStateException when a store folder is missing (the database did not write where it was expected)
     */
    public static Manifest write(Path home, Path outDir, long nodes, long relationships, Instant builtAt) throws IOException {
        for (String folder : STORE_FOLDERS) {
            if (!Files.isDirectory(home.resolve(folder))) {
                throw new IllegalStateException("The demo database has no store folder " + home.resolve(folder));
            }
        }
        Manifest manifest = new Manifest(runningNeo4jVersion(), FORMAT_VERSION, nodes, relationships, builtAt);
        Files.createDirectories(outDir);
        Path archive = outDir.resolve(ARCHIVE_NAME);
        Path partial = outDir.resolve(ARCHIVE_NAME + ".partial");
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16))) {
            zip.setLevel(6);
            for (String folder : STORE_FOLDERS) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(home.resolve(folder))) {
                    files = walk.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path file : files) {
                    ZipEntry entry = new ZipEntry(home.relativize(file).toString().replace('\\', '/'));
                    entry.setTime(builtAt.toEpochMilli());
                    zip.putNextEntry(entry);
                    Files.copy(file, zip);
                    zip.closeEntry();
                }
            }
        }
        Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING);
        try (OutputStream out = Files.newOutputStream(outDir.resolve(MANIFEST_NAME))) {
            manifest.toProperties().store(out, "cstrat prebuilt demo store (app.DemoStoreBuilder)");
        }
        return manifest;
    }

    /** Removes an archive and manifest from {@code outDir} (a build that skips the demo store must not ship an old one). */
    public static boolean remove(Path outDir) throws IOException {
        boolean archive = Files.deleteIfExists(outDir.resolve(ARCHIVE_NAME));
        boolean manifest = Files.deleteIfExists(outDir.resolve(MANIFEST_NAME));
        return archive || manifest;
    }

    /**
     * Unpacks the demo store from {@code source} into {@code dataDir}, which must have no store yet ({@link #hasNoStore}).
     * The archive is unpacked into a staging folder first and moved into place in one step, so a start killed meanwhile
     * leaves no half store (the next start removes the staging folder). Returns empty, after one log line saying why,
     * when the archive cannot be used: another Neo4j or format version, an unreadable manifest or archive, an entry outside
     * the store folders, a failure while writing; then nothing of it is left and the demo is loaded by its scripts.
     */
    public static Optional<Unpacked> unpackInto(Path dataDir, Source source) {
        long start = System.nanoTime();
        Path staging = dataDir.resolve(STAGING);
        try {
            deleteTree(staging);
            Manifest manifest = readManifest(source);
            if (manifest.formatVersion() != FORMAT_VERSION) {
                LOG.warn("Not using the prebuilt demo store from {}: its format version is {}, this workbench reads {}; loading the demo by its scripts",
                        source.name(), manifest.formatVersion(), FORMAT_VERSION);
                return Optional.empty();
            }
            if (!manifest.neo4jVersion().equals(runningNeo4jVersion())) {
                LOG.warn("Not using the prebuilt demo store from {}: it was made by Neo4j {}, this is Neo4j {}; loading the demo by its scripts",
                        source.name(), manifest.neo4jVersion(), runningNeo4jVersion());
                return Optional.empty();
            }
            long bytes = unzip(source, staging);
            Files.move(staging.resolve(DATA), dataDir.resolve(DATA), StandardCopyOption.ATOMIC_MOVE);
            deleteTree(staging);
            return Optional.of(new Unpacked(manifest, (System.nanoTime() - start) / 1_000_000, bytes));
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            LOG.warn("Not using the prebuilt demo store from {}: {}; loading the demo by its scripts", source.name(), reason(e));
            try {
                deleteTree(staging);
            } catch (IOException | UncheckedIOException cleanup) {
                LOG.warn("Could not remove the partly unpacked demo store {}: {}", staging, reason(cleanup));
            }
            return Optional.empty();
        }
    }

    /**
     * Removes the store this start unpacked into {@code dataDir} (its whole {@code data/} folder, which did not exist
     * before) after the database failed to start on it, saying so in one line; the start then goes on without it.
     *
     * @throws StartupException when it cannot be removed (the next start would find a store that does not start)
     */
    static void removeUnpacked(Path dataDir, String failure) {
        LOG.warn("The embedded database did not start on the prebuilt demo store ({}); removing it and loading the demo by its scripts",
                failure);
        try {
            deleteTree(dataDir.resolve(DATA));
        } catch (IOException | UncheckedIOException e) {
            throw new StartupException("The embedded database did not start on the prebuilt demo store in "
                    + dataDir.toAbsolutePath() + " (" + failure + "), and removing it failed: " + reason(e), e);
        }
    }

    static Manifest readManifest(Source source) throws IOException {
        Properties p = new Properties();
        try (InputStream in = source.manifest().openStream()) {
            p.load(in);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("demo store manifest is not a properties file (" + e.getMessage() + ")", e);
        }
        return Manifest.of(p);
    }

    /** Unpacks every entry below {@code target}; returns the bytes written. Refuses entries outside the store folders. */
    private static long unzip(Source source, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        Set<String> seen = new HashSet<>();
        long bytes = 0;
        int entries = 0;
        byte[] buffer = new byte[1 << 16];
        try (ZipInputStream zip = new ZipInputStream(source.archive().openStream())) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                String name = entry.getName();
                String folder = STORE_FOLDERS.stream().filter(f -> name.startsWith(f + "/")).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("the archive holds '" + name + "', outside the store folders"));
                Path file = root.resolve(name).normalize();
                if (!file.startsWith(root.resolve(folder))) {
                    throw new IllegalArgumentException("the archive entry '" + name + "' points outside its folder");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                    continue;
                }
                seen.add(folder);
                Files.createDirectories(file.getParent());
                try (OutputStream out = Files.newOutputStream(file)) {
                    for (int n; (n = zip.read(buffer)) > 0; ) {
                        out.write(buffer, 0, n);
                        bytes += n;
                    }
                }
                entries++;
            }
        }
        if (entries == 0 || !seen.containsAll(STORE_FOLDERS)) {
            List<String> missing = new ArrayList<>(STORE_FOLDERS);
            missing.removeAll(seen);
            throw new IllegalArgumentException("the archive is not a demo store (missing " + missing + ")");
        }
        return bytes;
    }

    private static String reason(Throwable e) {
        String message = e instanceof NoSuchFileException ? "no such file " + e.getMessage() : e.getMessage();
        return message == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + message;
    }

    /** Deletes {@code dir} and everything below it; nothing when it does not exist. */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** For the builder: the total size of the store folders under {@code home}, in bytes. */
    public static long storeBytes(Path home) throws IOException {
        long total = 0;
        for (String folder : STORE_FOLDERS) {
            try (Stream<Path> walk = Files.walk(home.resolve(folder))) {
                total += walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
            }
        }
        return total;
    }
}
