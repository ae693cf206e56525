package org.cstrat.server.editing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.cstrat.server.Workbench;
import org.cstrat.server.testing.EmbeddedNeo4j;
import org.cstrat.server.testing.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.driver.Driver;

/**
 * The editing API and forms over HTTP against the shared embedded Neo4j. Every test writes into its own
 * new market, so the demo markets other tests read stay as they are.
 */
@ExtendWith(EmbeddedNeo4j.class)
class EditingApiIT {

    private static Http http;
    private static Driver driver;

    @BeforeAll
    static void start(Workbench workbench) {
        http = new Http(workbench.httpUrl());
        driver = workbench.graph().driver();
    }

    static String market(String id) {
        HttpResponse<String> r = http.json("POST", "/api/markets", Map.of("id", id, "name", "Test market " + id, "region", "Nowhere", "asOf", 2024));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(r.headers().firstValue("Location")).contains("/api/markets/" + id);
        return id;
    }

    static long graphSize() {
        var r = driver.executableQuery("MATCH (n) RETURN count(n) AS nodes, COUNT { ()-[]->() } AS rels").execute().records().get(0);
        return r.get("nodes").asLong() * 1_000_000 + r.get("rels").asLong();
    }

    @Test
    void createAFirmAndWatchItsEvidenceMoveItAcrossTheMatrix() {
        String m = market("it-api-moves");
        HttpResponse<String> created = http.json("POST", "/api/markets/" + m + "/firms",
                Map.of("id", "it-pharmacy", "name", "IT Pharmacy", "parentName", "IT Holdings", "type", "incumbent", "source", "Made up for a test."));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).contains("/api/firms/it-pharmacy");
        JsonNode firm = Http.tree(created);
        assertThat(firm.path("placements")).isEmpty();
        assertThat(firm.path("parent").path("name").asText()).isEqualTo("IT Holdings");

        // Evidence, step by step: an offering supplied by drug makers, a customer touchpoint, customers paying.
        assertThat(http.json("POST", "/api/firms/it-pharmacy/actors", Map.of("id", "it-drug-makers", "name", "Drug makers",
                "kind", "organisation", "role", "producer", "firmPays", "drug purchases")).statusCode()).isEqualTo(201);
        assertThat(http.json("POST", "/api/firms/it-pharmacy/offerings", Map.of("id", "it-refills", "name", "Refills",
                "suppliedBy", "it-drug-makers")).statusCode()).isEqualTo(201);
        assertThat(http.json("POST", "/api/firms/it-pharmacy/touchpoints", Map.of("id", "it-counter", "name", "Counter",
                "initiative", "customer", "channel", "web")).statusCode()).isEqualTo(201);
        HttpResponse<String> paid = http.json("POST", "/api/firms/it-pharmacy/revenue-models", Map.of("id", "it-copay", "name", "Co-pay",
                "kind", "flat_price", "payer", "customer", "unit", "prescription", "price", 12.5));
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);
        JsonNode placed = Http.tree(paid).path("placements");
        assertThat(placed).hasSize(1);
        assertThat(placed.get(0).path("experience").asText()).isEqualTo("respond_to_desire");
        assertThat(placed.get(0).path("architecture").asText()).isEqualTo("connected_retailer");
        assertThat(placed.get(0).path("evidence").findValuesAsText("label")).contains("Touchpoint", "SUPPLIED_BY", "RevenueModel");

        // Automatic refills: a standing authorisation plus sensing and reacting technologies.
        http.json("POST", "/api/firms/it-pharmacy/touchpoints", Map.of("id", "it-autorefill", "name", "Auto refill",
                "initiative", "firm_automatic", "channel", "web", "standingAuthorisation", true));
        http.json("POST", "/api/firms/it-pharmacy/technologies", Map.of("id", "it-days-supply", "name", "Days supply", "star", "sense"));
        HttpResponse<String> reused = http.json("POST", "/api/firms/it-pharmacy/technologies", Map.of("id", "push-notifications"));
        assertThat(reused.statusCode()).as("an existing technology is reused by id").isEqualTo(201);
        JsonNode api = Http.tree(http.get("/api/firms/it-pharmacy"));
        assertThat(api.path("placements").findValuesAsText("experience")).containsExactly("automatic_execution");
        assertThat(api.path("personalisation").path("level").asInt()).isEqualTo(1);

        JsonNode matrix = Http.tree(http.get("/api/markets/" + m + "/matrix"));
        List<String> where = new ArrayList<>();
        matrix.path("cells").forEach(c -> c.path("firms").forEach(f -> where.add(c.path("experience").asText() + "/" + c.path("architecture").asText())));
        assertThat(where).containsExactly("automatic_execution/connected_retailer");

        // PUT replaces the firm's fields; a declared column overrides the evidence and shows the conflict.
        HttpResponse<String> put = http.json("PUT", "/api/firms/it-pharmacy", Map.of("name", "IT Pharmacy Plus", "architecture", "market_maker"));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        JsonNode updated = Http.tree(put);
        assertThat(updated.path("name").asText()).isEqualTo("IT Pharmacy Plus");
        assertThat(updated.path("placements").get(0).path("architecture").asText()).isEqualTo("market_maker");
        assertThat(updated.path("placements").get(0).path("conflicts").get(0).asText()).contains("Declared Market maker", "Connected retailer");

        JsonNode whiteSpace = Http.tree(http.get("/api/markets/" + m + "/white-space"));
        assertThat(whiteSpace.path("emptyCells")).hasSize(19);
        assertThat(whiteSpace.path("emptyCells").get(0).path("questions")).hasSize(3);
    }

    /** Where the firms of a market sit, as {@code firmId@experience/architecture}, from the matrix JSON. */
    static List<String> cells(JsonNode matrix) {
        List<String> where = new ArrayList<>();
        matrix.path("cells").forEach(c -> c.path("firms").forEach(f -> where.add(f.path("id").asText() + "@"
                + c.path("experience").asText() + "/" + c.path("architecture").asText() + (f.path("conflict").asBoolean() ? "!" : ""))));
        return where;
    }

    @Test
    void everyEditIsOnTheVeryNextMatrixReadWhileOthersReadIt() throws Exception {
        String m = market("it-cache-edits");
        String json = "/api/markets/" + m + "/matrix";
        String page = "/markets/" + m;
        // Other users keep reading the matrix meanwhile, so every edit races cached values and computations in progress.
        ExecutorService others = Executors.newFixedThreadPool(3);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger reads = new AtomicInteger();
        List<Future<?>> readers = new ArrayList<>();
        for (String path : List.of(json, page, json)) {
            readers.add(others.submit(() -> {
                while (!stop.get()) {
                    if (http.get(path).statusCode() != 200) {
                        failed.incrementAndGet();
                    }
                    reads.incrementAndGet();
                }
            }));
        }
        try {
            assertThat(cells(Http.tree(http.get(json)))).isEmpty();

            assertThat(http.json("POST", "/api/markets/" + m + "/firms", Map.of("id", "it-cache-pharmacy", "name", "Cache Pharmacy",
                    "type", "incumbent")).statusCode()).isEqualTo(201);
            assertThat(Http.tree(http.get(json)).path("market").path("firmCount").asInt()).as("new firm").isEqualTo(1);
            assertThat(http.get(page).body()).contains("1 firms");

            http.json("POST", "/api/firms/it-cache-pharmacy/actors", Map.of("id", "it-cache-makers", "name", "Makers",
                    "kind", "organisation", "role", "producer", "firmPays", "purchases"));
            http.json("POST", "/api/firms/it-cache-pharmacy/offerings", Map.of("id", "it-cache-refills", "name", "Refills", "suppliedBy", "it-cache-makers"));
            http.json("POST", "/api/firms/it-cache-pharmacy/touchpoints", Map.of("id", "it-cache-counter", "name", "Counter",
                    "initiative", "customer", "channel", "web"));
            assertThat(http.json("POST", "/api/firms/it-cache-pharmacy/revenue-models", Map.of("id", "it-cache-copay", "name", "Co-pay",
                    "kind", "flat_price", "payer", "customer", "unit", "prescription", "price", 12.5)).statusCode()).isEqualTo(201);
            assertThat(cells(Http.tree(http.get(json)))).as("placed by its evidence")
                    .containsExactly("it-cache-pharmacy@respond_to_desire/connected_retailer");
            assertThat(http.get(page).body()).contains("data-firm=\"it-cache-pharmacy\"", "1 placed");

            http.json("POST", "/api/firms/it-cache-pharmacy/touchpoints", Map.of("id", "it-cache-auto", "name", "Auto refill",
                    "initiative", "firm_automatic", "channel", "web", "standingAuthorisation", true));
            http.json("POST", "/api/firms/it-cache-pharmacy/technologies", Map.of("id", "it-cache-supply", "name", "Days supply", "star", "sense"));
            assertThat(http.json("POST", "/api/firms/it-cache-pharmacy/technologies", Map.of("id", "push-notifications")).statusCode()).isEqualTo(201);
            assertThat(cells(Http.tree(http.get(json)))).as("moved by a touchpoint and technologies")
                    .containsExactly("it-cache-pharmacy@automatic_execution/connected_retailer");

            assertThat(http.json("PUT", "/api/firms/it-cache-pharmacy", Map.of("name", "Cache Pharmacy Plus", "type", "incumbent",
                    "architecture", "market_maker")).statusCode()).isEqualTo(200);
            JsonNode declared = Http.tree(http.get(json));
            assertThat(cells(declared)).as("a declared column, in conflict with the evidence")
                    .containsExactly("it-cache-pharmacy@automatic_execution/market_maker!");
            assertThat(declared.findValuesAsText("name")).contains("Cache Pharmacy Plus");
            assertThat(http.get(page).body()).contains("Cache Pharmacy Plus");

            assertThat(http.json("PUT", "/api/markets/" + m, Map.of("name", "Renamed cache market", "region", "Nowhere", "asOf", 2025))
                    .statusCode()).isEqualTo(200);
            assertThat(Http.tree(http.get(json)).path("market").path("name").asText()).isEqualTo("Renamed cache market");
            assertThat(http.get(page).body()).contains("<h1>Renamed cache market</h1>");
        } finally {
            stop.set(true);
            for (Future<?> f : readers) {
                f.get(30, TimeUnit.SECONDS);
            }
            others.shutdown();
        }
        assertThat(reads.get()).as("the other users did read meanwhile").isPositive();
        assertThat(failed).as("reads that failed meanwhile").hasValue(0);
    }

    @Test
    void badInputIsAFieldErrorAndLeavesTheGraphUnchanged() {
        String m = market("it-api-bad");
        assertThat(http.json("POST", "/api/markets/" + m + "/firms", Map.of("id", "it-bad-dup", "name", "Dup")).statusCode()).isEqualTo(201);
        long before = graphSize();

        HttpResponse<String> empty = http.json("POST", "/api/markets/" + m + "/firms", Map.of("name", " ", "experience", "telepathy", "architecture", "cloud"));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode problem = Http.tree(empty);
        assertThat(problem.path("errors").findValuesAsText("field")).contains("name", "experience", "architecture");
        assertThat(problem.path("errors").findValuesAsText("message")).anySatisfy(msg -> assertThat(msg).contains("unknown experience 'telepathy'"));

        HttpResponse<String> dup = http.json("POST", "/api/markets/" + m + "/firms", Map.of("id", "it-bad-dup", "name", "Again"));
        assertThat(dup.statusCode()).isEqualTo(409);
        assertThat(Http.tree(dup).path("errors").get(0).path("field").asText()).isEqualTo("id");
        assertThat(Http.tree(dup).path("detail").asText()).contains("'it-bad-dup' already exists");
        assertThat(http.json("POST", "/api/markets", Map.of("id", m, "name", "Again")).statusCode()).isEqualTo(409);

        assertThat(http.json("POST", "/api/firms/it-bad-dup/touchpoints", Map.of("name", "T", "initiative", "firm_nudge", "channel", "no-such-channel"))
                .statusCode()).isEqualTo(400);
        HttpResponse<String> badSupport = http.json("POST", "/api/firms/it-bad-dup/touchpoints",
                Map.of("name", "T", "initiative", "customer", "channel", "web", "supports", List.of("uber-rides")));
        assertThat(badSupport.statusCode()).isEqualTo(400);
        assertThat(Http.tree(badSupport).path("errors").get(0).path("field").asText()).isEqualTo("supports");
        assertThat(http.json("POST", "/api/firms/it-bad-dup/revenue-models", Map.of("name", "R", "kind", "commission", "payer", "actor", "paidBy", "dealers"))
                .statusCode()).as("dealers is not this firm's actor").isEqualTo(400);
        assertThat(http.json("PUT", "/api/firms/it-bad-dup", Map.of("id", "other", "name", "X")).statusCode()).isEqualTo(400);
        assertThat(http.json("POST", "/api/markets/" + m + "/firms", "not json").statusCode()).isEqualTo(400);
        assertThat(http.json("POST", "/api/markets/" + m + "/firms", "[1, 2]").statusCode()).isEqualTo(400);
        assertThat(graphSize()).as("nothing half-written").isEqualTo(before);

        HttpResponse<String> unknownMarket = http.json("POST", "/api/markets/atlantis/firms", Map.of("name", "X"));
        assertThat(unknownMarket.statusCode()).isEqualTo(404);
        assertThat(unknownMarket.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(http.json("PUT", "/api/firms/atlantis", Map.of("name", "X")).statusCode()).isEqualTo(404);
        assertThat(http.get("/api/firms/atlantis").statusCode()).isEqualTo(404);
        assertThat(http.get("/firms/atlantis").statusCode()).isEqualTo(404);
        assertThat(http.get("/api/markets/atlantis/white-space").statusCode()).isEqualTo(404);
        assertThat(graphSize()).isEqualTo(before);
    }

    @Test
    void formsShowTheErrorNextToTheFieldAndRedirectWhenValid() {
        String m = market("it-form");
        long before = graphSize();
        HttpResponse<String> bad = http.form("/markets/" + m + "/firms", Map.of("name", "", "experience", "nonsense"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("class=\"field-error\" id=\"err-name\">must not be empty")
                .contains("unknown experience &#39;nonsense&#39;").contains("Nothing was saved");
        assertThat(graphSize()).isEqualTo(before);

        HttpResponse<String> ok = http.form("/markets/" + m + "/firms", Map.of("name", "<b>Bold</b> & Co", "experience", "coach_behavior",
                "architecture", "peer_to_peer", "type", "new_entrant"));
        assertThat(ok.statusCode()).isEqualTo(303);
        assertThat(ok.headers().firstValue("Location")).contains("/markets/" + m + "?selected=b-bold-b-co");
        String page = http.get("/markets/" + m).body();
        assertThat(page).contains("&lt;b&gt;Bold&lt;/b&gt; &amp; Co").doesNotContain("<b>Bold</b>");
        int cell = page.indexOf("data-experience=\"coach_behavior\" data-architecture=\"peer_to_peer\"");
        assertThat(page.substring(cell, page.indexOf("</td>", cell))).contains("data-firm=\"b-bold-b-co\"");
        assertThat(http.get("/markets/" + m + "/matrix.svg").body()).contains("&lt;b&gt;Bold").doesNotContain("<b>Bold");

        HttpResponse<String> dup = http.form("/markets/" + m + "/firms", Map.of("id", "b-bold-b-co", "name", "Again"));
        assertThat(dup.statusCode()).isEqualTo(409);
        assertThat(dup.body()).contains("id=\"err-id\"");

        assertThat(http.form("/firms/b-bold-b-co/touchpoints", Map.of("name", "Nudge", "initiative", "firm_coach", "channel", "sms")).statusCode()).isEqualTo(303);
        assertThat(http.form("/firms/b-bold-b-co/touchpoints/nudge/edit", Map.of("name", "Nudge 2", "initiative", "bogus", "channel", "sms")).body())
                .contains("unknown initiative");
        assertThat(http.get("/firms/b-bold-b-co").body()).contains("Move assessment", "Personalisation level", "class=\"ecosystem\"");
        for (String path : List.of("/markets/new", "/markets/" + m + "/edit", "/firms/b-bold-b-co/edit", "/firms/b-bold-b-co/offerings/new",
                "/firms/b-bold-b-co/touchpoints/nudge/edit", "/firms/b-bold-b-co/technologies/new", "/firms/b-bold-b-co/actors/new",
                "/firms/b-bold-b-co/revenue-models/new")) {
            assertThat(http.get(path).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(http.get("/firms/b-bold-b-co/gadgets/new").statusCode()).isEqualTo(404);
        assertThat(http.get("/firms/b-bold-b-co/touchpoints/nope/edit").statusCode()).isEqualTo(404);
    }

    static List<String> marketsOf(String firm) {
        return driver.executableQuery("MATCH (:Firm {id: $firm})-[:COMPETES_IN]->(m:Market) RETURN m.id AS id ORDER BY id")
                .withParameters(Map.of("firm", firm)).execute().records().stream().map(r -> r.get("id").asString()).toList();
    }

    @Test
    void aFirmMovesToAnotherMarketAndAMarketThatDoesNotExistIsRefused() {
        String from = market("it-move-from");
        String to = market("it-move-to");
        assertThat(http.json("POST", "/api/markets/" + from + "/firms", Map.of("id", "it-mover", "name", "Mover")).statusCode()).isEqualTo(201);
        long before = graphSize();

        HttpResponse<String> nowhere = http.json("PUT", "/api/firms/it-mover", Map.of("name", "Mover renamed", "market", "atlantis"));
        assertThat(nowhere.statusCode()).as(nowhere.body()).isEqualTo(400);
        assertThat(Http.tree(nowhere).path("errors").findValuesAsText("field")).containsExactly("market");
        assertThat(Http.tree(nowhere).path("errors").findValuesAsText("message")).singleElement().asString().contains("no market 'atlantis'");
        assertThat(http.json("PUT", "/api/firms/it-mover", Map.of("name", "Mover", "market", "Not An Id")).statusCode()).isEqualTo(400);
        assertThat(marketsOf("it-mover")).containsExactly(from);
        assertThat(http.get("/api/firms/it-mover").body()).as("one transaction: the rename was not saved either").doesNotContain("Mover renamed");
        assertThat(graphSize()).isEqualTo(before);

        HttpResponse<String> moved = http.json("PUT", "/api/firms/it-mover", Map.of("name", "Mover", "market", to));
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(marketsOf("it-mover")).containsExactly(to);
        assertThat(http.get("/markets/" + to).body()).contains("href=\"/firms/it-mover\"");
        assertThat(http.get("/markets/" + from).body()).doesNotContain("href=\"/firms/it-mover\"");

        String form = http.get("/firms/it-mover/edit").body();
        assertThat(form).contains("name=\"market\"", "value=\"" + from + "\"", "value=\"" + to + "\"");
        HttpResponse<String> unchanged = http.form("/firms/it-mover/edit", Map.of("name", "Mover", "market", to));
        assertThat(unchanged.statusCode()).isEqualTo(303);
        assertThat(marketsOf("it-mover")).containsExactly(to);
        HttpResponse<String> badForm = http.form("/firms/it-mover/edit", Map.of("name", "Mover", "market", "atlantis"));
        assertThat(badForm.statusCode()).isEqualTo(400);
        assertThat(badForm.body()).contains("id=\"err-market\"", "no market &#39;atlantis&#39;");
        HttpResponse<String> back = http.form("/firms/it-mover/edit", Map.of("name", "Mover", "market", from));
        assertThat(back.statusCode()).isEqualTo(303);
        assertThat(marketsOf("it-mover")).containsExactly(from);
    }
}
