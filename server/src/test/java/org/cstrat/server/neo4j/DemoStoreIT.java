package org.cstrat.server.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.cstrat.server.app.DemoStoreBuilder;
import org.cstrat.server.app.Services;
import org.cstrat.server.config.WorkbenchConfig;
import org.cstrat.server.demo.DemoData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;

/**
 * The prebuilt demo store ({@link DemoStoreArchive}, built by {@link DemoStoreBuilder} as the build does, into a temp
 * dir, so that the test does not depend on the pom's step): a first start that unpacks it has the same graph as one
 * that loads the demo by its scripts, and an archive that cannot be used (corrupt, another Neo4j version, a malformed
 * manifest, an entry outside the store folders) leaves nothing behind and the demo is loaded by its scripts.
 */
class DemoStoreIT {

    /**
     * Values that are moments of loading, not of the demo: when a stored run was made, when the demo import ran and its
     * heartbeat, when segments and the value model were computed (the import's id is a moment too, and so is the import's relationship to its firm as seen by that id).
     * In the prebuilt store they are the build's moments, in a scripted load that load's. Inside a stored run's result
     * JSON, {@code elapsedMillis} (how long the demo run took) is one as well: {@link #ELAPSED} masks it.
     */
    static final Set<String> MOMENTS_OF_LOADING = Set.of("*.importedBy", "Import.id", "Import.startedAt", "Import.heartbeatAt",
            "Import.finishedAt", "SimulationRun.createdAt", "OptimisationRun.createdAt", "Segment.computedAt",
            "ValueModel.fittedAt");

    static final Pattern ELAPSED = Pattern.compile("(\\\\?\"elapsedMillis\\\\?\" ?: ?)\\d+");

    @TempDir
    static Path temp;

    static Path archive;

    @BeforeAll
    static void buildTheArchiveAsTheBuildDoes() throws IOException {
        archive = temp.resolve("archive");
        DemoStoreBuilder.Built built = DemoStoreBuilder.build(archive);
        assertThat(built.manifest().neo4jVersion()).isEqualTo(DemoStoreArchive.runningNeo4jVersion());
        assertThat(built.manifest().nodes()).isGreaterThan(30_000L);
        assertThat(built.archiveBytes()).isLessThan(built.storeBytes());
    }

    private static WorkbenchConfig config(Path dir) {
        return new WorkbenchConfig(dir, "127.0.0.1", 0, 0, Optional.empty(), Optional.empty(), true);
    }

    /** Opens the graph as a start does (with the archive of {@code source}), prepares it, and reads its content. */
    private static Loaded load(WorkbenchConfig config, Optional<DemoStoreArchive.Source> source) {
        try (GraphConnection graph = GraphConnection.open(config, source); Services services = Services.over(graph)) {
            boolean loaded = services.demo().prepare(true);
            assertThat(loaded).as("a first start loads the demo").isTrue();
            DemoCustomersGraphIT.Content content;
            long nodes;
            try (Session session = graph.driver().session(); Transaction tx = session.beginTransaction()) {
                content = DemoCustomersGraphIT.content(tx, MOMENTS_OF_LOADING);
                nodes = tx.run(CypherFiles.query("bootstrap/count_graph")).single().get("nodes").asLong();
            }
            return new Loaded(graph.seededDemo(), services.demo().lastLoad().orElseThrow(), nodes, content);
        }
    }

    record Loaded(Optional<DemoStoreArchive.Unpacked> seeded, DemoData.Load load, long nodes, DemoCustomersGraphIT.Content content) {
    }

    @Test
    void aFirstStartFromTheArchiveHasTheGraphTheScriptsMake() {
        Loaded scripted = load(config(temp.resolve("scripts")).withDemoFromScripts(true), Optional.of(DemoStoreArchive.Source.in(archive)));
        assertThat(scripted.seeded()).as("--demo-from-scripts does not unpack the archive").isEmpty();
        assertThat(scripted.load().source()).isEqualTo(DemoData.Source.SCRIPTS);

        Loaded unpacked = load(config(temp.resolve("unpacked")), Optional.of(DemoStoreArchive.Source.in(archive)));
        assertThat(unpacked.seeded()).isPresent();
        assertThat(unpacked.load().source()).isEqualTo(DemoData.Source.PREBUILT_STORE);
        assertThat(unpacked.seeded().get().manifest().nodes()).isEqualTo(unpacked.nodes()).isEqualTo(scripted.nodes());

        assertThat(scripted.content().labels().get("Customer")).isGreaterThan(900L);
        assertThat(unpacked.content().labels()).isEqualTo(scripted.content().labels());
        assertThat(unpacked.content().types()).isEqualTo(scripted.content().types());
        // everything but the moments of loading, decimals to the last digit (the customer-value fit sorts its purchases,
        // so the same graph gives the same fit)
        List<String> a = withoutElapsed(scripted.content().lines());
        List<String> b = withoutElapsed(unpacked.content().lines());
        assertThat(difference(b, a)).as("lines only in the unpacked graph (only in the scripted one: %s)",
                difference(a, b).stream().limit(20).toList()).isEmpty();
        assertThat(difference(a, b)).isEmpty();
        assertThat(b).isEqualTo(a);
    }

    /** The content lines, sorted, with a stored run's {@code elapsedMillis} masked. */
    private static List<String> withoutElapsed(List<String> lines) {
        return lines.stream().map(line -> ELAPSED.matcher(line).replaceAll("$1#")).sorted().toList();
    }

    private static List<String> difference(List<String> a, List<String> b) {
        Set<String> inB = new HashSet<>(b);
        return a.stream().filter(l -> !inB.contains(l)).toList();
    }

    @Test
    void anArchiveThatCannotBeUsedLeavesNothingBehindAndTheScriptsLoadTheDemo() throws IOException {
        Path corrupt = copyOfTheArchive("corrupt");
        // cut in the middle: the zip's entries end early
        byte[] bytes = Files.readAllBytes(corrupt.resolve(DemoStoreArchive.ARCHIVE_NAME));
        Files.write(corrupt.resolve(DemoStoreArchive.ARCHIVE_NAME), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Path mismatched = copyOfTheArchive("mismatched");
        rewriteManifest(mismatched, "neo4jVersion=" + DemoStoreArchive.runningNeo4jVersion(), "neo4jVersion=5.1.0");
        Path format = copyOfTheArchive("format");
        rewriteManifest(format, "formatVersion=" + DemoStoreArchive.FORMAT_VERSION, "formatVersion=99");
        Path malformed = copyOfTheArchive("malformed");
        rewriteManifest(malformed, "nodes=", "nodes=many");
        Path outside = copyOfTheArchive("outside");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(outside.resolve(DemoStoreArchive.ARCHIVE_NAME)))) {
            for (String folder : DemoStoreArchive.STORE_FOLDERS) {
                zip.putNextEntry(new ZipEntry(folder + "/neostore"));
                zip.write(1);
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("data/databases/neo4j/../../../../escaped"));
            zip.write(1);
            zip.closeEntry();
        }
        Path missing = temp.resolve("missing");

        for (Path source : List.of(corrupt, mismatched, format, malformed, outside, missing)) {
            Path dataDir = temp.resolve("data-" + source.getFileName());
            Files.createDirectories(dataDir);
            assertThat(DemoStoreArchive.unpackInto(dataDir, DemoStoreArchive.Source.in(source))).as(source.toString()).isEmpty();
            try (Stream<Path> left = Files.list(dataDir)) {
                assertThat(left.toList()).as("what %s left in the data directory", source.getFileName()).isEmpty();
            }
            assertThat(temp.resolve("escaped")).doesNotExist();
        }

        // the whole start: the corrupt archive is passed over, the scripts load the demo, no half store stays
        Loaded fellBack = load(config(temp.resolve("fell-back")), Optional.of(DemoStoreArchive.Source.in(corrupt)));
        assertThat(fellBack.seeded()).isEmpty();
        assertThat(fellBack.load().source()).isEqualTo(DemoData.Source.SCRIPTS);
        assertThat(fellBack.content().labels().get("Market")).isGreaterThanOrEqualTo(3L);
        assertThat(temp.resolve("fell-back").resolve(DemoStoreArchive.STAGING)).doesNotExist();
    }

    @Test
    void aStoreTheDatabaseCannotStartOnIsRemovedAndTheStartGoesOnWithoutIt() throws IOException {
        Path garbage = copyOfTheArchive("garbage");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(garbage.resolve(DemoStoreArchive.ARCHIVE_NAME)))) {
            for (String folder : DemoStoreArchive.STORE_FOLDERS) {
                zip.putNextEntry(new ZipEntry(folder + (folder.contains("transactions") ? "/neostore.transaction.db.0" : "/neostore")));
                zip.write(new byte[] {1, 2, 3});
                zip.closeEntry();
            }
        }
        Path dataDir = temp.resolve("data-garbage");
        try (GraphConnection graph = GraphConnection.open(config(dataDir), Optional.of(DemoStoreArchive.Source.in(garbage)))) {
            assertThat(graph.seededDemo()).isEmpty();
            assertThat(new GraphBootstrap(graph.driver()).isEmpty()).isTrue();
        }
    }

    @Test
    void aDataDirectoryWithAStoreIsNeverSeeded() throws IOException {
        Path dataDir = temp.resolve("has-store");
        Files.createDirectories(dataDir.resolve("data/databases"));
        assertThat(DemoStoreArchive.hasNoStore(dataDir)).isFalse();
        assertThat(DemoStoreArchive.hasNoStore(temp.resolve("fresh"))).isTrue();
    }

    private static Path copyOfTheArchive(String name) throws IOException {
        Path dir = temp.resolve(name);
        Files.createDirectories(dir);
        for (String file : List.of(DemoStoreArchive.ARCHIVE_NAME, DemoStoreArchive.MANIFEST_NAME)) {
            Files.copy(archive.resolve(file), dir.resolve(file));
        }
        return dir;
    }

    private static void rewriteManifest(Path dir, String from, String to) throws IOException {
        Path manifest = dir.resolve(DemoStoreArchive.MANIFEST_NAME);
        String text = Files.readString(manifest);
        assertThat(text).contains(from);
        Files.writeString(manifest, text.replace(from, to));
    }
}
