package org.cstrat.server.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.cstrat.server.Workbench;
import org.cstrat.server.config.WorkbenchConfig;
import org.cstrat.server.testing.Http;
import org.cstrat.server.testing.Neo4jServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;

/**
 * The workbench against an external Neo4j: a Neo4j 5.26 Community <em>server</em> in a JVM of its own
 * ({@link Neo4jServerProcess}: its own entry point and {@code neo4j.conf}, Bolt with authentication on a free port),
 * reached by the routing URI a cluster would be given ({@code neo4j://}, so reads go out in READ mode, which the
 * server enforces: a write routed to a reader fails here as on a cluster's follower). The workbench applies its
 * schema, loads the demo, answers the repository contract that the embedded and Testcontainers tests answer, imports
 * through {@code cstrat import} with {@code NEO4J_URI}, stores a simulation run, and keeps its console read-only.
 * Runs without Docker; one server process per class, stopped afterwards.
 */
class ExternalServerIT extends MarketRepositoryContract {

    private static final String PASSWORD = "external-server-it-password";

    private static Neo4jServerProcess server;
    private static Path data;
    private static Workbench workbench;
    private static Http http;

    @BeforeAll
    static void startServerAndWorkbench() throws IOException {
        server = Neo4jServerProcess.start(PASSWORD);
        data = Files.createTempDirectory("cstrat-external-it");
        try {
            workbench = Workbench.start(new WorkbenchConfig(data, "127.0.0.1", 0, 0,
                    Optional.of(new WorkbenchConfig.ExternalNeo4j(server.routingUri(), Neo4jServerProcess.USER, PASSWORD)),
                    Optional.empty(), true));
        } catch (RuntimeException e) {
            throw new IllegalStateException(e.getMessage() + "\nThe server's log ends:\n" + server.logTail(), e);
        }
        http = new Http(workbench.localHttpUrl());
    }

    @AfterAll
    static void stop() throws IOException {
        try {
            if (workbench != null) {
                workbench.close();
            }
        } finally {
            if (server != null) {
                ProcessHandle process = server.handle();
                server.close();
                assertThat(process.isAlive()).as("the Neo4j server process is gone after the tests").isFalse();
            }
            if (data != null) {
                try (Stream<Path> files = Files.walk(data)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    @Override
    protected Driver driver() {
        return workbench.graph().driver();
    }

    @Test
    void theWorkbenchUsesTheSeparateServerWithAuthenticationAndNoEmbeddedDatabase() {
        assertThat(workbench.graph().isEmbedded()).isFalse();
        assertThat(workbench.graph().uri()).isEqualTo(server.routingUri());
        assertThat(server.handle().pid()).isNotEqualTo(ProcessHandle.current().pid());
        assertThat(server.handle().isAlive()).isTrue();
        var edition = driver().executableQuery("CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition")
                .execute().records().get(0);
        assertThat(edition.get("edition").asString()).isEqualTo("community");
        assertThat(edition.get("version").asString()).startsWith("5.26.");
        try (Driver wrong = GraphDatabase.driver(server.boltUri(), AuthTokens.basic(Neo4jServerProcess.USER, "not-the-password"))) {
            assertThatThrownBy(wrong::verifyConnectivity).isInstanceOf(AuthenticationException.class);
        }
        // a write that went out as a read (what a follower would get on a cluster) is refused by this server too
        assertThatThrownBy(() -> driver().executableQuery("CREATE (:Intruder {id: 'routed-as-read'})")
                .withConfig(org.neo4j.driver.QueryConfig.builder().withRouting(org.neo4j.driver.RoutingControl.READ).build()).execute())
                .isInstanceOfSatisfying(org.neo4j.driver.exceptions.ClientException.class,
                        e -> assertThat(e.code()).isEqualTo("Neo.ClientError.Statement.AccessMode"));
        // no store of an embedded database appears in the data directory
        assertThat(data.resolve("databases")).doesNotExist();
        assertThat(Http.tree(http.get("/health")).path("status").asText()).isEqualTo("ok");
    }

    @Test
    void theSchemaIsAppliedToTheServer() {
        List<String> constraints = driver().executableQuery("SHOW CONSTRAINTS YIELD labelsOrTypes, properties RETURN labelsOrTypes[0] + '.' + properties[0] AS c")
                .execute().records().stream().map(r -> r.get("c").asString()).toList();
        assertThat(constraints).contains("Market.id", "Firm.id", "Customer.id");
        HttpResponse<String> markets = http.get("/api/markets");
        assertThat(markets.statusCode()).isEqualTo(200);
        assertThat(markets.body()).contains("us-mobility", "us-chronic-health", "us-connected-fitness");
    }

    @Test
    void cstratImportWritesToTheServerNamedByNeo4jUri() throws Exception {
        Path samples = Path.of("..", "cypher", "samples", "northwind").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.cstrat.server.cli.Main",
                "import", "--firm", "northwind", "--data", data.resolve("cli").toString(), samples.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("NEO4J_URI", server.routingUri().toString());
        builder.environment().put("NEO4J_USER", Neo4jServerProcess.USER);
        builder.environment().put("NEO4J_PASSWORD", PASSWORD);
        builder.environment().remove("NEO4J_PASSWORD_FILE");
        Process cli = builder.start();
        String output = new String(cli.getInputStream().readAllBytes());
        assertThat(cli.waitFor(180, TimeUnit.SECONDS)).as(output).isTrue();
        assertThat(cli.exitValue()).as(output).isZero();
        assertThat(output).contains("Graph: " + server.routingUri() + " (NEO4J_URI)", "Imported for 'northwind'");

        long interactions = driver().executableQuery("""
                        MATCH (:Firm {id: 'northwind'})-[:OPERATES]->(:Touchpoint)<-[:THROUGH]-(i:Interaction) RETURN count(i) AS n""")
                .execute().records().get(0).get("n").asLong();
        long rows = Files.readAllLines(samples.resolve("interactions.csv")).stream().skip(1).filter(l -> !l.isBlank()).count();
        assertThat(interactions).isEqualTo(rows);
        // the workbench sees it: the firm's unified customers answer from the server
        HttpResponse<String> customers = http.get("/api/firms/northwind/customers");
        assertThat(customers.statusCode()).as(customers.body()).isEqualTo(200);
        // and the demo's own import (equinox, through the workbench's import service) landed there too
        long equinox = driver().executableQuery("MATCH (c:Customer)-[:UNIFIES]->(:SourceRecord {firm: 'equinox'}) RETURN count(DISTINCT c) AS n").execute()
                .records().get(0).get("n").asLong();
        assertThat(equinox).isPositive();
    }

    @Test
    void aSimulationRunIsStoredOnTheServer() throws Exception {
        HttpResponse<String> started = http.json("POST", "/api/firms/zipcar/simulations", """
                {"name": "external server", "currency": "EUR",
                 "strategies": [{"name": "respond", "experience": "respond_to_desire", "personalisationLevel": 1,
                                 "billing": {"model": "flat_price", "price": 12}}],
                 "parameters": {"periods": 6},
                 "run": {"replications": 20, "seed": 7}}
                """);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String jobId = Http.tree(started).path("id").asText();
        JsonNode status = Http.tree(started);
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!status.path("state").asText().matches("done|failed|cancelled") && System.nanoTime() < deadline) {
            Thread.sleep(200);
            status = Http.tree(http.get("/api/simulation-jobs/" + jobId));
        }
        assertThat(status.path("state").asText()).as(status.toString()).isEqualTo("done");
        String runId = status.path("runId").asText();
        var stored = driver().executableQuery("MATCH (r:SimulationRun {id: $id})-[:FOR_FIRM]->(f:Firm) RETURN f.id AS firm, r.seed AS seed")
                .withParameters(Map.of("id", runId)).execute().records();
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).get("firm").asString()).isEqualTo("zipcar");
        assertThat(stored.get(0).get("seed").asLong()).isEqualTo(7);
        assertThat(Http.tree(http.get("/api/simulations/" + runId)).path("result").path("strategies")).hasSize(1);
    }

    @Test
    void theConsoleReadsButRefusesEveryWriteOnTheServer() {
        JsonNode read = Http.tree(http.json("POST", "/api/cypher",
                Map.of("query", "MATCH (m:Market) RETURN m.id AS id ORDER BY id")));
        assertThat(read.toString()).contains("us-mobility");
        long before = nodes();
        for (String write : List.of(
                "CREATE (:Intruder {id: 'x'})",
                "MATCH (f:Firm {id: 'uber'}) SET f.name = 'Hacked'",
                "CREATE INDEX intruder IF NOT EXISTS FOR (n:Intruder) ON (n.x)",
                "UNWIND range(1, 3) AS i CALL { WITH i CREATE (:Intruder {id: i}) } IN TRANSACTIONS",
                // a server's default configuration lets LOAD CSV fetch URLs: the console refuses it itself
                "LOAD CSV FROM 'http://127.0.0.1:1/x.csv' AS line RETURN line")) {
            HttpResponse<String> refused = http.json("POST", "/api/cypher", Map.of("query", write));
            assertThat(refused.statusCode()).as(write + ": " + refused.body()).isEqualTo(403);
        }
        assertThat(nodes()).isEqualTo(before);
        assertThat(driver().executableQuery("MATCH (f:Firm {id: 'uber'}) RETURN f.name AS n").execute()
                .records().get(0).get("n").asString()).isEqualTo("Uber");
    }

    /**
     * On a cluster a read routed to a follower sees this process's earlier writes only if it waits for their bookmarks.
     * Every session the write paths open (schema, demo, imports with identity resolution, segments, values, recovery,
     * edits) must therefore join the Driver's bookmark manager, which {@code executableQuery} and so the routed reads
     * ({@code Reads}) use; a plain {@code driver.session()} would keep its bookmarks to itself.
     */
    @Test
    void everySessionTheWritePathsOpenJoinsTheBookmarksTheRoutedReadsWaitFor() {
        Driver real = driver();
        List<Object> configs = new ArrayList<>();
        Driver recording = (Driver) java.lang.reflect.Proxy.newProxyInstance(Driver.class.getClassLoader(), new Class<?>[] {Driver.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("session")) {
                        configs.add(args == null ? "driver.session() without a configuration" : Stream.of(args)
                                .filter(a -> a instanceof org.neo4j.driver.SessionConfig).findFirst()
                                .orElse("driver.session(" + method.getParameterTypes().length + " args) without a configuration"));
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        var changes = new org.cstrat.server.neo4j.GraphChanges();
        var identityStore = new org.cstrat.server.customers.identity.Neo4jIdentityStore(recording);
        var customers = new org.cstrat.server.customers.CustomerServices(
                new org.cstrat.server.customers.imports.ImportService(
                        new org.cstrat.server.customers.imports.Neo4jImportStore(recording, 500, 5_000, 1), 4096, changes),
                new org.cstrat.server.customers.identity.IdentityService(identityStore),
                new org.cstrat.server.customers.segments.SegmentService(new org.cstrat.server.customers.segments.Neo4jSegmentStore(recording), identityStore),
                new org.cstrat.server.customers.journeys.JourneyService(
                        new org.cstrat.server.customers.journeys.Neo4jJourneyRepository(recording), identityStore, changes),
                new org.cstrat.server.customers.valuation.ValuationService(
                        new org.cstrat.server.customers.valuation.Neo4jValuationRepository(recording), identityStore));
        var demo = new org.cstrat.server.demo.DemoData(new org.cstrat.server.neo4j.GraphBootstrap(recording),
                new org.cstrat.server.demo.Neo4jDemoMarkets(recording), () -> { }, () -> () -> { }, Optional.empty());
        assertThat(demo.prepare(true)).isFalse();
        org.cstrat.server.demo.DemoCustomerData.load(customers);
        new org.cstrat.server.customers.imports.Neo4jImportRecovery(recording).rollBackDead(false);
        new org.cstrat.server.editing.EditingService(new org.cstrat.server.editing.Neo4jEditingRepository(recording))
                .createMarket(org.cstrat.server.editing.Commands.MarketCommand.read(
                        org.cstrat.server.editing.Input.ofForm(Map.of("name", List.of("Bookmark chain"), "asOf", List.of("2026"))), null));

        assertThat(configs).as("sessions opened by the write paths").hasSizeGreaterThan(5);
        for (Object config : configs) {
            assertThat(config).isInstanceOf(org.neo4j.driver.SessionConfig.class);
            org.neo4j.driver.SessionConfig session = (org.neo4j.driver.SessionConfig) config;
            assertThat(session.bookmarkManager()).as(session.toString()).containsSame(real.executableQueryBookmarkManager());
            assertThat(session.defaultAccessMode()).as(session.toString()).isEqualTo(org.neo4j.driver.AccessMode.WRITE);
        }
        // the edit's write is what a routed read now waits for, and it sees the market
        assertThat(real.executableQueryBookmarkManager().getBookmarks()).isNotEmpty();
        assertThat(new Neo4jMarketRepository(real).findById("bookmark-chain")).isPresent();
    }

    private long nodes() {
        return driver().executableQuery("MATCH (n) RETURN count(n) AS n").execute().records().get(0).get("n").asLong();
    }
}
