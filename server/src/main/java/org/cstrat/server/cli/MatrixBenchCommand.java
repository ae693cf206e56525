package org.cstrat.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.cstrat.server.http.Templates;
import org.cstrat.server.market.MarketPages;
import org.cstrat.server.market.Matrix;
import org.cstrat.server.market.MarketService;
import org.cstrat.server.market.Neo4jMarketRepository;
import org.cstrat.server.neo4j.CypherFiles;
import org.cstrat.server.neo4j.GraphBootstrap;
import org.cstrat.server.neo4j.EmbeddedCredentials;
import org.cstrat.server.neo4j.GraphConnection;
import org.cstrat.server.neo4j.Sessions;
import org.neo4j.driver.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cstrat bench matrix}: the server-side render time of a market's matrix page (graph read, placement
 * rules, white space, Thymeleaf) for a synthetic market of N firms on a throw-away embedded database.
 */
@Command(name = "matrix", mixinStandardHelpOptions = true,
        description = "Measure the server-side render time of the matrix page for a synthetic market (embedded Neo4j in a temporary directory).")
public final class MatrixBenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--firms", defaultValue = "200", description = "Firms in the synthetic market (default: ${DEFAULT-VALUE}).")
    int firms;

    @Option(names = "--warmup", defaultValue = "30", description = "Renders before measuring (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--runs", defaultValue = "100", description = "Measured renders (default: ${DEFAULT-VALUE}).")
    int runs;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("cstrat-bench");
        try (GraphConnection graph = GraphConnection.openEmbedded(dir, "127.0.0.1", 0, EmbeddedCredentials.resolve(dir, Optional.empty()))) {
            new GraphBootstrap(graph.driver()).prepare(false);
            try (Session session = Sessions.open(graph.driver())) {
                for (String statement : CypherFiles.script("bench/market.cypher")) {
                    session.run(statement, Map.of("market", "bench", "firms", firms)).consume();
                }
            }
            MarketService markets = new MarketService(new Neo4jMarketRepository(graph.driver()));
            Templates templates = new Templates();
            Matrix check = markets.matrix("bench");
            out.printf(Locale.ROOT, "Market of %d firms: %d placed, %d empty cells%n", check.firms().size(), check.placedFirms(), check.emptyCells());
            int bytes = 0;
            for (int i = 0; i < warmup; i++) {
                bytes = render(markets, templates).length();
            }
            long[] nanos = new long[runs];
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                render(markets, templates);
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            out.printf(Locale.ROOT, "Matrix page render (server side, %d KB): median %.1f ms, p95 %.1f ms, max %.1f ms over %d runs (target < 200 ms)%n",
                    bytes / 1024, nanos[runs / 2] / 1e6, nanos[(int) (runs * 0.95)] / 1e6, nanos[runs - 1] / 1e6, runs);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }

    /** What {@code GET /markets/{id}} does, minus the network. */
    private static String render(MarketService markets, Templates templates) {
        Matrix matrix = markets.matrix("bench");
        return templates.render("market", Map.of("matrix", matrix, "matrixTable", MarketPages.table(templates, matrix), "selected", ""));
    }
}
