package org.cstrat.server.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.cstrat.server.config.WorkbenchConfig;
import org.cstrat.server.demo.Neo4jDemoMarkets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;

/**
 * The demo markets' scripts with their literal rows lifted into {@code $rows} ({@link CypherLiteral}) make exactly the
 * graph the scripts as written make: both are run on the same empty database, each in a transaction that is rolled back,
 * and the whole graph's fingerprints (every node and relationship with its properties) are compared.
 */
class DemoScriptsLiftedIT {

    @TempDir
    Path temp;

    @Test
    void liftedScriptsMakeTheSameGraphAsTheScriptsAsWritten() {
        try (GraphConnection graph = GraphConnection.open(new WorkbenchConfig(temp, "127.0.0.1", 0, 0, Optional.empty(), Optional.empty(), false))) {
            GraphBootstrap bootstrap = new GraphBootstrap(graph.driver());
            bootstrap.applySchema();
            bootstrap.applyReferenceData();
            List<String> asWritten;
            List<String> lifted;
            try (Session session = graph.driver().session()) {
                try (Transaction tx = session.beginTransaction()) {
                    for (String market : Neo4jDemoMarkets.DEMO_MARKETS) {
                        for (String statement : CypherFiles.script(Neo4jDemoMarkets.demoScript(market))) {
                            tx.run(statement).consume();
                        }
                    }
                    asWritten = fingerprint(tx);
                    tx.rollback();
                }
                try (Transaction tx = session.beginTransaction()) {
                    for (String market : Neo4jDemoMarkets.DEMO_MARKETS) {
                        for (CypherLiteral.Lifted statement : Neo4jDemoMarkets.marketStatements(market)) {
                            tx.run(statement.statement(), statement.parameters()).consume();
                        }
                    }
                    lifted = fingerprint(tx);
                    tx.rollback();
                }
            }
            assertThat(asWritten).hasSizeGreaterThan(500);
            assertThat(lifted).containsExactlyElementsOf(asWritten);
        }
    }

    /** Every node and relationship with its properties (keys sorted), as sorted lines; reference data included. */
    private static List<String> fingerprint(Transaction tx) {
        List<String> out = new ArrayList<>();
        tx.run("MATCH (n) RETURN labels(n) AS l, properties(n) AS p").forEachRemaining(r ->
                out.add(r.get("l").toString() + new TreeMap<>(r.get("p").asMap(v -> v.toString() + ":" + v.type().name()))));
        tx.run("MATCH (a)-[r]->(b) RETURN labels(a) AS la, a.id AS a, type(r) AS t, properties(r) AS p, labels(b) AS lb, b.id AS b")
                .forEachRemaining(r -> out.add(r.get("la") + "" + r.get("a") + r.get("t").asString()
                        + new TreeMap<>(r.get("p").asMap(v -> v.toString() + ":" + v.type().name())) + r.get("lb") + r.get("b")));
        out.sort(null);
        return out;
    }
}
