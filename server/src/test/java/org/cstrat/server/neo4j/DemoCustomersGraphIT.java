package org.cstrat.server.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.cstrat.server.config.WorkbenchConfig;
import org.cstrat.server.demo.DemoCustomers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.QueryRunner;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.Value;

/**
 * The demo's generated customers written by {@code cypher/demo/customers.cypher} (one statement per market, customers and
 * touchpoints looked up once, temporal parameters) make the same graph as the statements they replaced (kept as the test
 * resource {@code demo/customers-per-interaction.cypher}: one look-up of customer and touchpoint per interaction, dates
 * parsed in Cypher), with the same seed: the three demo markets are loaded each way on one empty database, in a
 * transaction that is rolled back, and the counts per label and relationship type, a SHA-256 of the whole graph's content
 * (every node and relationship with its properties and their types) and the content itself are compared.
 */
class DemoCustomersGraphIT {

    @TempDir
    Path temp;

    /** What a graph holds: counts per label and per relationship type, and a hash of its content lines. */
    record Content(Map<String, Long> labels, Map<String, Long> types, String sha256, List<String> lines) {
    }

    @Test
    void batchedCustomersMakeTheSameGraphAsOneLookUpPerInteraction() throws IOException {
        List<String> perInteraction;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("demo/customers-per-interaction.cypher")) {
            perInteraction = CypherFiles.split(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        try (GraphConnection graph = GraphConnection.open(new WorkbenchConfig(temp, "127.0.0.1", 0, 0, Optional.empty(), Optional.empty(), false))) {
            GraphBootstrap bootstrap = new GraphBootstrap(graph.driver());
            bootstrap.applySchema();
            bootstrap.applyReferenceData();
            Content before;
            Content after;
            try (Session session = graph.driver().session()) {
                try (Transaction tx = session.beginTransaction()) {
                    load(tx, (demo, t) -> {
                        Map<String, Object> parameters = Map.of("customers", demo.customers(), "interactions", demo.interactions());
                        perInteraction.forEach(statement -> t.run(statement, parameters).consume());
                    });
                    before = content(tx);
                    tx.rollback();
                }
                try (Transaction tx = session.beginTransaction()) {
                    load(tx, (demo, t) -> CypherFiles.script("demo/customers.cypher")
                            .forEach(statement -> t.run(statement, demo.parameters()).consume()));
                    after = content(tx);
                    tx.rollback();
                }
            }
            assertThat(before.labels().get("Interaction")).isGreaterThan(25_000L);
            assertThat(before.labels().get("Customer")).isEqualTo(3L * DemoCustomers.CUSTOMERS_PER_MARKET);
            assertThat(after.labels()).isEqualTo(before.labels());
            assertThat(after.types()).isEqualTo(before.types());
            assertThat(after.sha256()).isEqualTo(before.sha256());
            assertThat(after.lines()).containsExactlyElementsOf(before.lines());
        }
    }

    /** A relationship's end by its id, or {@code #} when the id of a node with its labels is {@code ignored}. */
    private static String endpoint(Value labels, Value id, Set<String> ignored) {
        return labels.asList(Value::asString).stream().anyMatch(l -> ignored.contains(l + ".id")) ? "#" : id.toString();
    }

    /** The properties sorted by key, each value with its type, without those {@code ignored} for any of {@code owners}. */
    private static Map<String, String> properties(Value properties, List<String> owners, Set<String> ignored) {
        Map<String, String> kept = new TreeMap<>(properties.asMap(v -> v.toString() + ":" + v.type().name()));
        kept.keySet().removeIf(key -> ignored.contains("*." + key) || owners.stream().anyMatch(owner -> ignored.contains(owner + "." + key)));
        return kept;
    }

    interface CustomerWriter {
        void write(DemoCustomers.Demo demo, Transaction tx);
    }

    /** The demo markets' scripts, each followed by its generated customers written by {@code customers}. */
    private static void load(Transaction tx, CustomerWriter customers) {
        for (String market : org.cstrat.server.demo.Neo4jDemoMarkets.DEMO_MARKETS) {
            for (CypherLiteral.Lifted statement : org.cstrat.server.demo.Neo4jDemoMarkets.marketStatements(market)) {
                tx.run(statement.statement(), statement.parameters()).consume();
            }
            var touchpoints = tx.run(CypherFiles.query("bootstrap/market_touchpoints"), Map.of("market", market))
                    .list(r -> new DemoCustomers.FirmTouchpoint(r.get("firm").asString(), r.get("touchpoint").asString(),
                            r.get("initiative").asString()));
            customers.write(DemoCustomers.generate(market, touchpoints, DemoCustomers.DEFAULT_SEED), tx);
        }
    }

    /** Every node and relationship with its properties (keys sorted, each value with its type), as sorted lines. */
    static Content content(QueryRunner tx) {
        return content(tx, Set.of());
    }

    /**
     * As {@link #content(QueryRunner)}, leaving out the properties named in {@code ignored} as {@code Label.key} (a node
     * with that label), {@code TYPE.key} (a relationship of that type) or {@code *.key} (any): values that are moments
     * of loading.
     */
    static Content content(QueryRunner tx, Set<String> ignored) {
        Map<String, Long> labels = new TreeMap<>();
        tx.run("MATCH (n) UNWIND labels(n) AS l RETURN l, count(*) AS n").forEachRemaining(r -> labels.put(r.get("l").asString(), r.get("n").asLong()));
        Map<String, Long> types = new TreeMap<>();
        tx.run("MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS n").forEachRemaining(r -> types.put(r.get("t").asString(), r.get("n").asLong()));
        List<String> lines = new ArrayList<>();
        tx.run("MATCH (n) RETURN labels(n) AS l, properties(n) AS p").forEachRemaining(r ->
                lines.add(r.get("l").toString() + properties(r.get("p"), r.get("l").asList(Value::asString), ignored)));
        tx.run("MATCH (a)-[r]->(b) RETURN labels(a) AS la, a.id AS a, type(r) AS t, properties(r) AS p, labels(b) AS lb, b.id AS b")
                .forEachRemaining(r -> lines.add(r.get("la") + endpoint(r.get("la"), r.get("a"), ignored) + r.get("t").asString()
                        + properties(r.get("p"), List.of(r.get("t").asString()), ignored) + r.get("lb") + endpoint(r.get("lb"), r.get("b"), ignored)));
        lines.sort(null);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            lines.forEach(l -> sha.update((l + "\n").getBytes(StandardCharsets.UTF_8)));
            return new Content(labels, types, HexFormat.of().formatHex(sha.digest()), lines);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
