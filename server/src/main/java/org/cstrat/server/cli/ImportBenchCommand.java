package org.cstrat.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.cstrat.server.customers.imports.ImportFile;
import org.cstrat.server.customers.imports.ImportReport;
import org.cstrat.server.customers.imports.ImportService;
import org.cstrat.server.app.Services;
import org.cstrat.server.config.WorkbenchConfig;
import org.cstrat.server.demo.SyntheticCustomerData;
import org.cstrat.server.neo4j.EmbeddedCredentials;
import org.cstrat.server.neo4j.GraphBootstrap;
import org.cstrat.server.neo4j.GraphConnection;
import org.cstrat.server.neo4j.StoreWriteReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code cstrat bench import}: the import's speed into a fresh embedded database. A measurement, not a test. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Generate a synthetic export (seeded) of about N interactions, import it into a fresh embedded database "
                + "in a temporary directory through the Driver (the same path as 'cstrat import'), and print the rate; "
                + "then import the same files again (nothing changes) and print that rate too; then the storage engine's own rate "
                + "for interactions of the same shape (--reference), the ceiling of any import on this machine.")
public final class ImportBenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--interactions", paramLabel = "N", defaultValue = "1000000", description = "About how many interactions (default: ${DEFAULT-VALUE}).")
    int interactions;

    @Mixin
    ImportTuning tuning;

    @Option(names = "--seed", defaultValue = "" + SyntheticCustomerData.DEFAULT_SEED, description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--no-reimport", description = "Skip the second, idempotent import.")
    boolean noReimport;

    @Option(names = "--reference", paramLabel = "N", defaultValue = "200000",
            description = "Then write N interactions of the same shape through Neo4j's own Java API (no Cypher, no Bolt, no checks) "
                    + "and print that rate: the storage engine's ceiling on this machine; 0 skips it (default: ${DEFAULT-VALUE}).")
    int reference;

    @Option(names = "--neo4j-uri", paramLabel = "URI",
            description = "Import into this Neo4j server instead of a fresh embedded database (bolt:// or neo4j://, +s/+ssc; user"
                    + " and password from NEO4J_USER / NEO4J_PASSWORD or --neo4j-password-file). The firm 'bench' stays there:"
                    + " use an empty database. No store reference then (it needs the embedded database).")
    String neo4jUri;

    @Option(names = Neo4jPasswordFile.OPTION, paramLabel = "FILE", defaultValue = "${env:" + Neo4jPasswordFile.ENV + "}",
            description = "Read the Neo4j password for --neo4j-uri from the first line of this file instead of NEO4J_PASSWORD.")
    String neo4jPasswordFile;

    /** The server named by {@code --neo4j-uri}, checked before any work starts; empty: a fresh embedded database. */
    private Optional<WorkbenchConfig.ExternalNeo4j> external() {
        if (neo4jUri == null || neo4jUri.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new WorkbenchConfig.ExternalNeo4j(URI.create(neo4jUri.strip()), System.getenv("NEO4J_USER"),
                    Neo4jPasswordFile.resolve(spec, System.getenv("NEO4J_PASSWORD"), "NEO4J_PASSWORD", neo4jPasswordFile).orElse("")));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--neo4j-uri: " + e.getMessage());
        }
    }

    private static GraphConnection graph(Path dir, Optional<WorkbenchConfig.ExternalNeo4j> external) {
        if (external.isEmpty()) {
            return GraphConnection.openEmbedded(dir, "127.0.0.1", 0,
                    new EmbeddedCredentials(EmbeddedCredentials.USER, "cstrat-bench-password", false, Optional.empty()));
        }
        return GraphConnection.connect(external.get().uri(), external.get().user(), Optional.of(external.get().password()));
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Optional<WorkbenchConfig.ExternalNeo4j> external = external();
        // About 14.4 interactions per person on average with the generator's mix of systems and behaviour types.
        int people = Math.max(10, (int) Math.round(interactions / 14.4));
        long t0 = System.nanoTime();
        List<ImportFile> files = SyntheticCustomerData.generate("bench", people, seed);
        long bytes = files.stream().mapToLong(f -> f.content().length).sum();
        out.printf(Locale.ROOT, "Generated %,d people, %,d bytes of CSV in %.1f s%n", people, bytes, (System.nanoTime() - t0) / 1e9);
        Path dir = Files.createTempDirectory("cstrat-bench");
        try (GraphConnection graph = graph(dir, external)) {
            out.println("Graph: " + (graph.isEmbedded() ? "a fresh embedded database in " + dir : graph.uri()
                    + " (the process CPU below is this client's; the server's is its own)"));
            new GraphBootstrap(graph.driver()).prepare();
            ImportService service = Services.over(graph, tuning.settings(Services.Settings.DEFAULT)).customers().imports();
            ConsoleProgress progress = new ConsoleProgress(out, ConsoleProgress.isTerminal());
            long cpu = StoreWriteReference.processCpuNanos();
            ImportReport first = service.importFiles("bench", files, progress);
            print(out, "first import", first, StoreWriteReference.processCpuNanos() - cpu);
            if (!noReimport) {
                cpu = StoreWriteReference.processCpuNanos();
                ImportReport again = service.importFiles("bench", files, progress);
                print(out, "re-import (unchanged)", again, StoreWriteReference.processCpuNanos() - cpu);
            }
            if (reference > 0 && graph.isEmbedded()) {
                StoreWriteReference.Rate ref = StoreWriteReference.measure(graph, "bench", "bench/reference/", reference, tuning.txRows);
                out.printf(Locale.ROOT, "store reference (Neo4j's Java API in this JVM, no Cypher/Bolt/checks, %,d per transaction): %,d interactions "
                                + "in %.2f s = %,.0f interactions/s (process CPU %.1f s = %,.0f per CPU-second); the import reached %.0f %% of it%n",
                        tuning.txRows, ref.interactions(), ref.seconds(), ref.perSecond(), ref.cpuSeconds(), ref.interactions() / ref.cpuSeconds(),
                        100 * first.interactionsPerSecond() / ref.perSecond());
            }
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }

    private void print(PrintWriter out, String what, ImportReport r, long cpuNanos) {
        long n = r.newInteractions() + r.updatedInteractions() + r.unchangedInteractions(); // read, changed or not
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        out.printf(Locale.ROOT, "%s: %,d interactions (%,d new), %,d records, %,d unified customers in %.2f s = %,.0f interactions/s"
                        + " (process CPU %.1f s; batch %d, %d per transaction, %d writers, %d cores, load average %.1f, max heap %d MB)%n",
                what, n, r.newInteractions(), r.newRecords() + r.updatedRecords() + r.unchangedRecords(), r.unifiedCustomers(), r.millis() / 1000.0,
                r.interactionsPerSecond(), cpuNanos / 1e9, tuning.batch, tuning.txRows, tuning.writers(), Runtime.getRuntime().availableProcessors(), load,
                Runtime.getRuntime().maxMemory() >> 20);
        out.flush();
    }
}
