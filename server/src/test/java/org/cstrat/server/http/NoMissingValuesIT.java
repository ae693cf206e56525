package org.cstrat.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.cstrat.server.demo.DemoCustomerData;
import org.cstrat.server.Workbench;
import org.cstrat.server.testing.EmbeddedNeo4j;
import org.cstrat.server.testing.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * No page of the demo shows a missing value as {@code null}, {@code NaN} or {@code undefined}: every page reachable
 * from home (each market, each firm, each firm's customers and simulation pages), the console and a stored run,
 * read as their visible text (markup, scripts and styles removed). Pages whose text a script fills are checked in
 * the browser ITs ({@code SimulationBrowserIT}, {@code CustomersBrowserIT}).
 */
@ExtendWith(EmbeddedNeo4j.class)
class NoMissingValuesIT {

    /** The words a page shows when a template or script printed a missing value. */
    static final Pattern MISSING = Pattern.compile("\\b(null|NaN|undefined)\\b");

    private static final Pattern MARKET_LINK = Pattern.compile("href=\"/markets/([a-z0-9-]+)\"");
    private static final Pattern FIRM_LINK = Pattern.compile("(?:href=\"/firms/|data-firm=\")([a-z0-9-]+)\"");

    private static Http http;

    @BeforeAll
    static void connect(Workbench workbench) {
        http = new Http(workbench.httpUrl());
    }

    /** The text a person sees in an HTML page: without scripts, styles, comments, tags and entities. */
    static String visibleText(String html) {
        String text = html.replaceAll("(?is)<script\\b.*?</script>", " ")
                .replaceAll("(?is)<style\\b.*?</style>", " ")
                .replaceAll("(?s)<!--.*?-->", " ")
                .replaceAll("(?s)<[^>]*>", " ");
        return text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&").replaceAll("\\s+", " ");
    }

    /** Each place in {@code text} where a missing value shows, with some context. */
    static List<String> missing(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = MISSING.matcher(text);
        while (m.find()) {
            found.add("…" + text.substring(Math.max(0, m.start() - 60), Math.min(text.length(), m.end() + 40)) + "…");
        }
        return found;
    }

    @Test
    void theVisibleTextFinderSeesWhatAPersonSees() {
        assertThat(missing(visibleText("<p>r=null</p><script>let x = null;</script><p title=\"null\">ok</p>"))).hasSize(1);
        assertThat(missing(visibleText("<td>NaN</td><td>undefined</td><td>nullable, Nanny</td>"))).hasSize(2);
    }

    @Test
    void noPageOfTheDemoShowsNullNanOrUndefined() throws Exception {
        Set<String> pages = new LinkedHashSet<>(List.of("/", "/console"));
        Set<String> markets = links(MARKET_LINK, "/");
        assertThat(markets).as("demo markets linked from home").isNotEmpty();
        Set<String> firms = new LinkedHashSet<>();
        for (String market : markets) {
            pages.add("/markets/" + market);
            for (String firm : links(FIRM_LINK, "/markets/" + market)) {
                pages.add("/markets/" + market + "?selected=" + firm);
                firms.add(firm);
            }
        }
        assertThat(firms).as("firms linked from the markets").contains(DemoCustomerData.FIRM);
        for (String firm : firms) {
            pages.add("/firms/" + firm);
            pages.add("/firms/" + firm + "/customers");
            pages.add("/firms/" + firm + "/customers/import");
            pages.add("/firms/" + firm + "/simulate");
        }
        pages.add("/simulations/" + storedRun(DemoCustomerData.FIRM));

        Map<String, List<String>> shown = new java.util.TreeMap<>();
        for (String page : pages) {
            HttpResponse<String> response = http.get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(200);
            List<String> found = missing(visibleText(response.body()));
            if (!found.isEmpty()) {
                shown.put(page, found);
            }
        }
        assertThat(shown).as("pages showing null, NaN or undefined, of " + pages.size() + " visited").isEmpty();
        assertThat(visibleText(http.get("/firms/" + DemoCustomerData.FIRM + "/customers").body()))
                .as("the fitted model line, with every parameter").containsPattern("BG/NBD r=[0-9.]+, α=[0-9.]+, a=[0-9.]+, b=[0-9.]+; "
                        + "Gamma-Gamma p=[0-9.]+, q=[0-9.]+, v=[0-9.]+");
    }

    private static Set<String> links(Pattern link, String page) {
        HttpResponse<String> response = http.get(page);
        assertThat(response.statusCode()).as(page).isEqualTo(200);
        Set<String> ids = new LinkedHashSet<>();
        Matcher m = link.matcher(response.body());
        while (m.find()) {
            if (!m.group(1).equals("new")) {
                ids.add(m.group(1));
            }
        }
        return ids;
    }

    /** A stored run of the firm: the newest one, or a small run made now when the demo has none. */
    private static String storedRun(String firm) throws InterruptedException {
        JsonNode runs = Http.tree(http.get("/api/firms/" + firm + "/simulations"));
        if (runs.isArray() && !runs.isEmpty()) {
            return runs.get(0).path("id").asText();
        }
        HttpResponse<String> started = http.json("POST", "/api/firms/" + firm + "/simulations", """
                {"name": "no missing values",
                 "strategies": [{"name": "respond", "experience": "respond_to_desire", "personalisationLevel": 1,
                                 "billing": {"model": "flat_price", "price": 12}}],
                 "parameters": {"periods": 6},
                 "run": {"replications": 20, "seed": 5},
                 "analyses": {"tornado": true, "heatmap": true}}
                """);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String job = Http.tree(started).path("id").asText();
        JsonNode status = Http.tree(started);
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!status.path("state").asText().matches("done|failed|cancelled") && System.nanoTime() < deadline) {
            Thread.sleep(200);
            status = Http.tree(http.get("/api/simulation-jobs/" + job));
        }
        assertThat(status.path("state").asText()).as(status.toString()).isEqualTo("done");
        return status.path("runId").asText();
    }
}
