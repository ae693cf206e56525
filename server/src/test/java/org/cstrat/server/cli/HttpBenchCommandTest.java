package org.cstrat.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code cstrat bench http} against a small local HTTP server: what it counts, how it refuses bad options. */
class HttpBenchCommandTest {

    private HttpServer server;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Map<String, String> authorisation = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            hits.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth != null) {
                authorisation.put(path, auth);
            }
            byte[] body;
            int status = 200;
            if (path.equals("/api/markets")) {
                body = "[{\"id\":\"alpha\",\"name\":\"Alpha\"},{\"id\":\"beta\",\"name\":\"Beta\"}]".getBytes(StandardCharsets.UTF_8);
            } else if (path.equals("/broken")) {
                status = 503;
                body = "down".getBytes(StandardCharsets.UTF_8);
            } else {
                body = ("<p>" + path + "</p>").repeat(100).getBytes(StandardCharsets.UTF_8);
            }
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void requestsTheMatrixPageAndJsonOfEveryMarketAndCountsErrors() {
        var run = CommandLineTest.run("bench", "http", "--url", url(), "--clients", "4", "--warmup", "0", "--seconds", "1",
                "--path", "/broken", "--token", "secret-token");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(hits.keySet()).contains("/api/markets", "/markets/alpha", "/markets/beta", "/api/markets/alpha/matrix",
                "/api/markets/beta/matrix", "/broken");
        assertThat(authorisation.get("/markets/alpha")).isEqualTo("Bearer secret-token");
        assertThat(run.out()).contains("GET /markets/alpha", "GET /api/markets/beta/matrix", "matrix page, 2 market(s)",
                "matrix JSON, 2 market(s)", "p95 ms", "Errors: {HTTP 503=");
        String broken = run.out().lines().filter(l -> l.startsWith("GET /broken")).findFirst().orElseThrow();
        List<String> cells = List.of(broken.trim().split("\\s+"));
        assertThat(cells.get(cells.size() - 2)).as("every /broken request is an error").isEqualTo(cells.get(2).replace(",", ""));
        assertThat(run.out()).containsPattern("matrix page, 2 market\\(s\\) (met|NOT met) \\(p95 [0-9.]+ ms, 0 errors\\)")
                .contains("all NOT met");
    }

    @Test
    void refusesBadOptionsWithExitCode2() {
        assertThat(CommandLineTest.run("bench", "http", "--clients", "0").code()).isEqualTo(2);
        assertThat(CommandLineTest.run("bench", "http", "--seconds", "0").code()).isEqualTo(2);
        var url = CommandLineTest.run("bench", "http", "--url", "ftp://example.invalid");
        assertThat(url.code()).isEqualTo(2);
        assertThat(url.err()).contains("--url must be a workbench's address");
        var path = CommandLineTest.run("bench", "http", "--url", url(), "--path", "http://elsewhere.invalid/");
        assertThat(path.code()).isEqualTo(2);
        assertThat(path.err()).contains("--path must be a path on the server");
        assertThat(hits).as("nothing was requested").isEmpty();
        assertThat(CommandLineTest.run("bench", "--help").out()).contains("http", "Concurrent users");
    }

    @Test
    void aServerThatDoesNotAnswerIsExitCode1() throws IOException {
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var run = CommandLineTest.run("bench", "http", "--url", "http://127.0.0.1:" + port, "--seconds", "1", "--warmup", "0");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("Cannot reach http://127.0.0.1:" + port);
    }

    @Test
    void percentilesAreExactByNearestRank() {
        long[] nanos = new long[100];
        for (int i = 0; i < 100; i++) {
            nanos[i] = (100 - i) * 1_000_000L; // 1..100 ms, unsorted
        }
        LatencySummary s = new LatencySummary("x", 102, 2, 0, 2.0, nanos, Map.of("HTTP 500", 2L));
        assertThat(s.percentileMillis(50)).isEqualTo(50.0);
        assertThat(s.percentileMillis(95)).isEqualTo(95.0);
        assertThat(s.percentileMillis(99)).isEqualTo(99.0);
        assertThat(s.maxMillis()).isEqualTo(100.0);
        assertThat(s.throughput()).isCloseTo(51.0, within(1e-9));
        assertThat(s.meets(300)).as("errors fail the target").isFalse();
        LatencySummary clean = new LatencySummary("y", 100, 0, 0, 2.0, nanos, Map.of());
        assertThat(clean.meets(300)).isTrue();
        assertThat(clean.meets(95)).as("p95 must be below, not at, the target").isFalse();
        LatencySummary both = LatencySummary.merge("both", 2.0, List.of(s, clean));
        assertThat(both.requests()).isEqualTo(202);
        assertThat(both.errors()).isEqualTo(2);
        assertThat(both.percentileMillis(50)).isEqualTo(50.0);
        assertThat(both.errorKinds()).containsEntry("HTTP 500", 2L);
        assertThat(new LatencySummary("none", 0, 0, 0, 1.0, new long[0], Map.of()).percentileMillis(95)).isNaN();
    }
}
