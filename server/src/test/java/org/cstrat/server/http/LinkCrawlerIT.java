package org.cstrat.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.cstrat.server.Workbench;
import org.cstrat.server.neo4j.UnassignedMarket;
import org.cstrat.server.testing.EmbeddedNeo4j;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every link of the app leads somewhere: starting from {@code /} of the demo workbench, with the northwind sample
 * uploaded as a new firm (no market given, so it lands in "Unassigned"), follows every same-site link breadth-first
 * ({@code a[href]}, {@code form[action]} with method GET; {@code link[href]}, {@code script[src]} and {@code img[src]}
 * are fetched but not parsed) and fails on any 404 or 5xx, naming the page and the page that linked to it.
 */
@ExtendWith(EmbeddedNeo4j.class)
class LinkCrawlerIT {

    /** A bound on the crawl: reaching it fails the test (links multiplying, e.g. a query string that grows). */
    static final int MAX_PAGES = 4_000;
    static final Path NORTHWIND = Path.of("..", "cypher", "samples", "northwind");

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern TAG = Pattern.compile("<(a|form|link|script|img)\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile("\\b(href|action|src|method)\\s*=\\s*(\"([^\"]*)\"|'([^']*)')",
            Pattern.CASE_INSENSITIVE);

    record Visit(String path, int status, String from) {
    }

    @Test
    void everyLinkFromTheHomePageAnswersWithoutA404OrA500(Workbench workbench) throws Exception {
        URI base = workbench.localHttpUrl();
        HttpResponse<String> imported = upload(base.resolve("/api/firms/northwind/imports"));
        assertThat(imported.statusCode()).as(imported.body()).isIn(201);

        Map<String, Visit> visited = new LinkedHashMap<>();
        Deque<String[]> queue = new ArrayDeque<>();
        queue.add(new String[] {"/", "(start)"});
        Map<String, String> seen = new LinkedHashMap<>();
        seen.put("/", "(start)");
        while (!queue.isEmpty()) {
            assertThat(visited.size()).as("the crawl stops within " + MAX_PAGES + " pages").isLessThan(MAX_PAGES);
            String[] next = queue.poll();
            String path = next[0];
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            visited.put(path, new Visit(path, response.statusCode(), next[1]));
            List<String> links = new ArrayList<>();
            response.headers().firstValue("Location").ifPresent(links::add);
            boolean html = response.headers().firstValue("Content-Type").orElse("").startsWith("text/html");
            if (html && response.statusCode() < 400) {
                links.addAll(links(response.body()));
            }
            for (String link : links) {
                sameSite(base, URI.create(path), link).filter(p -> !seen.containsKey(p)).ifPresent(p -> {
                    seen.put(p, path);
                    queue.add(new String[] {p, path});
                });
            }
        }

        List<Visit> broken = visited.values().stream().filter(v -> v.status() == 404 || v.status() >= 500).toList();
        long other = visited.values().stream().filter(v -> v.status() >= 400 && v.status() != 404 && v.status() < 500).count();
        System.out.printf(Locale.ROOT, "MEASURE link crawl: %d pages visited, %d broken, %d other 4xx (%s)%n", visited.size(),
                broken.size(), other, visited.values().stream().filter(v -> v.status() >= 400 && v.status() < 500 && v.status() != 404)
                        .map(v -> v.status() + " " + v.path()).limit(10).toList());
        assertThat(broken).as("pages answering 404 or 5xx (path, status, linked from)").isEmpty();
        assertThat(visited).containsKeys("/markets/" + UnassignedMarket.ID, "/firms/northwind", "/markets/us-mobility");
        assertThat(visited.get("/firms/northwind").status()).isEqualTo(200);
    }

    /** The targets of the links and GET forms of a page, as written (entities {@code &amp;} decoded). */
    static List<String> links(String html) {
        List<String> found = new ArrayList<>();
        Matcher tag = TAG.matcher(html);
        while (tag.find()) {
            String name = tag.group(1).toLowerCase(Locale.ROOT);
            Map<String, String> attributes = new LinkedHashMap<>();
            Matcher a = ATTRIBUTE.matcher(tag.group(2));
            while (a.find()) {
                attributes.put(a.group(1).toLowerCase(Locale.ROOT), a.group(3) != null ? a.group(3) : a.group(4));
            }
            String target = switch (name) {
                case "a", "link" -> attributes.get("href");
                case "form" -> attributes.getOrDefault("method", "get").equalsIgnoreCase("get") ? attributes.get("action") : null;
                default -> attributes.get("src");
            };
            if (target != null) {
                found.add(target.replace("&amp;", "&"));
            }
        }
        return found;
    }

    /** The path and query of a link on this site, without its fragment; empty for other sites and other schemes. */
    static Optional<String> sameSite(URI base, URI page, String link) {
        if (link.isBlank() || link.startsWith("#") || link.startsWith("mailto:") || link.startsWith("javascript:")
                || link.startsWith("data:")) {
            return Optional.empty();
        }
        URI target = base.resolve(page).resolve(link.replace(" ", "%20"));
        if (target.getHost() != null && !(target.getHost().equals(base.getHost()) && target.getPort() == base.getPort())) {
            return Optional.empty();
        }
        String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
        return Optional.of(target.getRawQuery() == null ? path : path + "?" + target.getRawQuery());
    }

    static HttpResponse<String> upload(URI uri) throws IOException, InterruptedException {
        String boundary = "cstrat-crawl-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (Stream<Path> files = Files.list(NORTHWIND)) {
            for (Path f : files.sorted().toList()) {
                body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + f.getFileName()
                        + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                body.writeBytes(Files.readAllBytes(f));
                body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            }
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(uri).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }
}
