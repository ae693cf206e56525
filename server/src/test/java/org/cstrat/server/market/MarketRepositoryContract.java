package org.cstrat.server.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.List;

import org.cstrat.server.demo.Neo4jDemoMarkets;
import org.cstrat.server.demo.DemoData;
import org.cstrat.framework.Architecture;
import org.cstrat.framework.Experience;
import org.cstrat.server.neo4j.GraphBootstrap;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

/**
 * The graph-repository contract: what every database the workbench runs on (embedded, a Neo4j
 * server in a container, a cluster) must answer the same way, after the bootstrap has run.
 */
abstract class MarketRepositoryContract {

    protected abstract Driver driver();

    MarketRepository repository() {
        return new Neo4jMarketRepository(driver());
    }

    @Test
    void listsTheDemoMarketWithItsFirms() {
        List<Market> markets = repository().findAll();
        assertThat(markets).extracting(Market::id).contains("us-mobility");
        Market mobility = repository().findById("us-mobility").orElseThrow();
        assertThat(mobility.name()).isEqualTo("US personal mobility");
        assertThat(mobility.firmCount()).isEqualTo(11);
        assertThat(markets).extracting(Market::id).contains("us-chronic-health", "us-connected-fitness");
    }

    @Test
    void unknownMarketIsEmptyNotAnError() {
        assertThat(repository().findById("no-such-market")).isEmpty();
        assertThat(repository().firms("no-such-market")).isEmpty();
    }

    @Test
    void crowdOrchestratorsAreUberLyftAndBlaBlaCar() {
        Matrix matrix = new MarketService(repository()).matrix("us-mobility");
        assertThat(matrix.cell(Experience.RESPOND_TO_DESIRE, Architecture.CROWD_ORCHESTRATOR).firms())
                .extracting(FirmSummary::name).containsExactly("BlaBlaCar", "Lyft", "Uber");
        assertThat(matrix.cell(Experience.RESPOND_TO_DESIRE, Architecture.CONNECTED_PRODUCER).firms())
                .extracting(FirmSummary::id).containsExactly("car2go", "drivenow", "maven");
        assertThat(matrix.cell(Experience.CURATED_OFFERING, Architecture.MARKET_MAKER).firms())
                .extracting(FirmSummary::id).containsExactly("carscom");
        assertThat(matrix.firmsInColumn(Architecture.PEER_TO_PEER)).isZero();
        assertThat(matrix.firmsInRow(Experience.AUTOMATIC_EXECUTION)).isZero();
    }

    @Test
    void firmsCarryParentCompanyTypeAndStatus() {
        List<FirmRecord> firms = repository().firms("us-mobility");
        FirmRecord maven = firms.stream().filter(f -> f.id().equals("maven")).findFirst().orElseThrow();
        assertThat(maven.summary().parentName()).isEqualTo("General Motors");
        assertThat(maven.summary().type()).isEqualTo("corporate_venture");
        assertThat(maven.source()).isNotBlank();
        FirmRecord chariot = firms.stream().filter(f -> f.id().equals("chariot")).findFirst().orElseThrow();
        assertThat(chariot.summary().failed()).isTrue();
        assertThat(chariot.summary().parentName()).isEqualTo("Ford Motor Company");
        assertThat(chariot.evidence().offerings().get(0).declaredExperience()).isEqualTo(Experience.CURATED_OFFERING);
    }

    @Test
    void theAnalystsFirmsPerCellQueryAgreesWithThePlacementRules() throws java.io.IOException {
        String file = java.nio.file.Files.readString(java.nio.file.Path.of("..", "cypher", "queries", "analyst", "firms_per_cell.cypher"));
        String query = file.lines().filter(l -> !l.startsWith("//") && !l.startsWith(":param")).collect(java.util.stream.Collectors.joining("\n"))
                .replaceAll(";\\s*$", "");
        for (String market : Neo4jDemoMarkets.DEMO_MARKETS) {
            java.util.Map<String, java.util.List<String>> fromCypher = new java.util.TreeMap<>();
            driver().executableQuery(query).withParameters(java.util.Map.of("market", market)).execute().records().forEach(r ->
                    fromCypher.put(r.get("experience").asString() + " / " + r.get("architecture").asString(),
                            r.get("names").asList(org.neo4j.driver.Value::asString).stream().sorted().toList()));
            java.util.Map<String, java.util.List<String>> fromRules = new java.util.TreeMap<>();
            new MarketService(repository()).matrix(market).cells().stream().filter(c -> !c.isEmpty()).forEach(c ->
                    fromRules.put(c.experience().label() + " / " + c.architecture().label(),
                            c.firms().stream().map(FirmSummary::name).sorted().toList()));
            assertThat(fromCypher).as(market).isEqualTo(fromRules);
        }
    }

    @Test
    void bootstrapIsIdempotent() {
        long before = countNodes();
        GraphBootstrap bootstrap = new GraphBootstrap(driver());
        DemoData demo = new DemoData(bootstrap, new Neo4jDemoMarkets(driver()), () -> { }, () -> () -> { }, Optional.empty());
        assertThat(demo.prepare(true)).as("demo loads only into an empty database").isFalse();
        bootstrap.applySchema();
        bootstrap.applyReferenceData();
        assertThat(countNodes()).isEqualTo(before);
    }

    @Test
    void everyIdIsUnique() {
        var constrained = driver().executableQuery(
                        "SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties WHERE type = 'UNIQUENESS' AND properties = ['id'] RETURN labelsOrTypes[0] AS label")
                .execute().records().stream().map(r -> r.get("label").asString()).toList();
        var labels = driver().executableQuery("CALL db.labels() YIELD label RETURN label").execute()
                .records().stream().map(r -> r.get("label").asString()).toList();
        assertThat(constrained).containsAll(labels);
    }

    @Test
    void demoCustomersHaveEpisodesThroughAllFourRs() {
        var stages = driver().executableQuery("""
                        MATCH (:Customer)-[:HAD]->(i:Interaction)-[:THROUGH]->(:Touchpoint)<-[:OPERATES]-(:Firm)
                        RETURN i.stage AS stage, count(*) AS n ORDER BY stage""")
                .execute().records().stream().map(r -> r.get("stage").asString()).toList();
        assertThat(stages).containsExactly("recognize", "repeat", "request", "respond");
        // the demo generator's customers; imported (unified) customers of other tests and the demo import are not counted
        long customers = driver().executableQuery("MATCH (c:Customer {synthetic: true}) RETURN count(c) AS n").execute()
                .records().get(0).get("n").asLong();
        assertThat(customers).isBetween(200L, 1000L);
    }

    private long countNodes() {
        return driver().executableQuery("MATCH (n) RETURN count(n) AS n").execute().records().get(0).get("n").asLong();
    }
}
