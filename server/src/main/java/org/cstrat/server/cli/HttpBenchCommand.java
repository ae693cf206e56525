package org.cstrat.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cstrat.server.Workbench;
import org.cstrat.server.core.InvalidRequestException;
import org.cstrat.server.core.StartupException;
import org.cstrat.server.config.WorkbenchConfig;
import org.cstrat.server.neo4j.StoreWriteReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code cstrat bench http}: N concurrent closed-loop clients against the matrix page and the matrix JSON of every
 * market (and any {@code --path}), on a workbench of its own (embedded Neo4j in a temporary directory, free ports,
 * demo markets, no login on loopback) or on {@code --url}. Prints requests, throughput, p50/p95/p99/max and errors
 * per path, per kind of path and overall, and whether the target (p95 under 300 ms, no errors) holds. A
 * measurement, not a test: the exit code is 0 whatever the figures (1 when the server cannot be reached).
 */
@Command(name = "http", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Concurrent users: N clients on the matrix page and JSON; req/s, p50/p95/p99, errors, target check.",
                "",
                "N closed-loop clients (one thread and one kept-alive HTTP/1.1 connection each) request the matrix page "
                        + "(GET /markets/{id}) and the matrix JSON (GET /api/markets/{id}/matrix) of every market in turn, plus any --path, "
                        + "and it prints requests, req/s, p50/p95/p99/max latency and errors per path, per kind of path and overall, and "
                        + "whether the target holds (p95 < " + HttpBenchCommand.TARGET_P95_MS + " ms, no errors). Without --url it starts "
                        + "a workbench of its own (embedded Neo4j in a temporary directory, free ports, demo markets, no login on loopback) "
                        + "in this process, so clients and server share the cores. A measurement, not a test: exit code 0 whatever the "
                        + "figures, 1 when the server cannot be reached, 2 for bad options."})
public final class HttpBenchCommand implements Callable<Integer> {

    /** The target of issue 11: the p95 latency under 50 clients, in milliseconds. */
    static final int TARGET_P95_MS = 300;
    static final int MAX_CLIENTS = 1000;
    static final int MAX_SECONDS = 3600;

    @Spec
    CommandSpec spec;

    @Option(names = "--url", paramLabel = "URL",
            description = "A running workbench, e.g. http://127.0.0.1:7070 (default: start one of its own on loopback).")
    String url;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:CSTRAT_TOKEN}",
            description = "API token sent as 'Authorization: Bearer TOKEN', for a server with logins. Env: CSTRAT_TOKEN.")
    String token;

    @Option(names = "--clients", paramLabel = "N", defaultValue = "50",
            description = "Concurrent clients (default: ${DEFAULT-VALUE}, at most " + MAX_CLIENTS + ").")
    int clients;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "30",
            description = "Measured seconds (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--warmup", paramLabel = "S", defaultValue = "10",
            description = "Seconds of load before measuring, not recorded (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--market", paramLabel = "ID",
            description = "Only this market's matrix page and JSON (repeatable; default: every market the server lists).")
    List<String> markets = new ArrayList<>();

    @Option(names = "--path", paramLabel = "PATH",
            description = "Another path to request as well, e.g. /firms/uber or /api/markets/us-mobility/white-space (repeatable).")
    List<String> paths = new ArrayList<>();

    @Option(names = "--no-matrix", description = "Request only the --path paths, not the matrix page and JSON.")
    boolean noMatrix;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "30",
            description = "Seconds after which a request counts as an error (default: ${DEFAULT-VALUE}).")
    int timeout;

    @Option(names = "--max-requests", paramLabel = "N", defaultValue = "2000000",
            description = "Stop measuring after this many requests (default: ${DEFAULT-VALUE}).")
    long maxRequests;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        check();
        Optional<String> bearer = Optional.ofNullable(token).map(String::strip).filter(t -> !t.isEmpty());
        if (url != null) {
            URI base = base(url);
            out.printf(Locale.ROOT, "Target: %s (running workbench%s)%n", base, bearer.isPresent() ? ", with a bearer token" : "");
            return bench(out, base, bearer);
        }
        Path dir = Files.createTempDirectory("cstrat-bench-http");
        try {
            out.println("Starting a workbench of its own (embedded Neo4j in " + dir + ", demo markets) ...");
            out.flush();
            try (Workbench workbench = Workbench.start(new WorkbenchConfig(dir, WorkbenchConfig.DEFAULT_HOST, 0, 0,
                    Optional.empty(), Optional.empty(), true))) {
                out.printf(Locale.ROOT, "Target: %s (own workbench in this process: clients and server share the cores)%n", workbench.httpUrl());
                return bench(out, workbench.httpUrl(), bearer);
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void check() {
        if (clients < 1 || clients > MAX_CLIENTS) {
            throw new ParameterException(spec.commandLine(), "--clients must be between 1 and " + MAX_CLIENTS + ", got " + clients);
        }
        if (seconds < 1 || seconds > MAX_SECONDS) {
            throw new ParameterException(spec.commandLine(), "--seconds must be between 1 and " + MAX_SECONDS + ", got " + seconds);
        }
        if (warmup < 0 || warmup > MAX_SECONDS) {
            throw new ParameterException(spec.commandLine(), "--warmup must be between 0 and " + MAX_SECONDS + ", got " + warmup);
        }
        if (timeout < 1 || timeout > 600) {
            throw new ParameterException(spec.commandLine(), "--timeout must be between 1 and 600 seconds, got " + timeout);
        }
        if (maxRequests < 1) {
            throw new ParameterException(spec.commandLine(), "--max-requests must be at least 1, got " + maxRequests);
        }
        for (String p : paths) {
            if (!p.startsWith("/") || p.startsWith("//") || p.contains("#")) {
                throw new ParameterException(spec.commandLine(), "--path must be a path on the server starting with one /, e.g. /firms/uber, got '" + p + "'");
            }
        }
        if (noMatrix && paths.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--no-matrix needs at least one --path");
        }
    }

    /** {@code http(s)://host[:port]}, optionally with a base path; nothing else. */
    private URI base(String text) {
        try {
            URI u = new URI(text.strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null || u.getRawUserInfo() != null
                    || u.getRawQuery() != null || u.getRawFragment() != null) {
                throw new URISyntaxException(text, "not an http(s)://host[:port] address");
            }
            String path = u.getRawPath() == null ? "" : u.getRawPath().replaceAll("/+$", "");
            return new URI(scheme + "://" + u.getRawAuthority() + path + "/");
        } catch (URISyntaxException e) {
            throw new ParameterException(spec.commandLine(), "--url must be a workbench's address such as http://127.0.0.1:7070, got '" + text + "'");
        }
    }

    private int bench(PrintWriter out, URI base, Optional<String> bearer) throws InterruptedException {
        List<String> targets = new ArrayList<>();
        List<String> ids = noMatrix ? List.of() : marketIds(base, bearer);
        for (String id : ids) {
            targets.add("/markets/" + id);
        }
        for (String id : ids) {
            targets.add("/api/markets/" + id + "/matrix");
        }
        targets.addAll(paths);
        if (targets.isEmpty()) {
            throw new InvalidRequestException("Nothing to request: " + base + " lists no market (add some, or give --path)");
        }
        HttpLoad.Plan plan = new HttpLoad.Plan(base, targets, clients, Duration.ofSeconds(warmup), Duration.ofSeconds(seconds),
                Duration.ofSeconds(timeout), maxRequests, bearer);
        int cores = Runtime.getRuntime().availableProcessors();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        out.printf(Locale.ROOT, "%d closed-loop clients, %d s warm-up, %d s measured, %d paths; %d cores, load average %.2f (1 min) at the start%n",
                clients, warmup, seconds, targets.size(), cores, loadBefore);
        out.flush();
        boolean terminal = ConsoleProgress.isTerminal();
        ProgressBar warm = new ProgressBar(out, "warm-up (s)", terminal);
        ProgressBar measure = new ProgressBar(out, "measuring (s)", terminal);
        long warmupMs = warmup * 1000L;
        long cpuBefore = StoreWriteReference.processCpuNanos();
        long wallBefore = System.nanoTime();
        HttpLoad.Result result = HttpLoad.run(plan, ms -> {
            if (ms < warmupMs) {
                warm.update(ms / 1000, warmup);
            } else {
                if (warmup > 0) {
                    warm.update(warmup, warmup);
                }
                measure.update((ms - warmupMs) / 1000, seconds);
            }
        });
        measure.update(seconds, seconds);
        double cpuCores = (StoreWriteReference.processCpuNanos() - cpuBefore) / (double) (System.nanoTime() - wallBefore);
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

        List<LatencySummary> rows = new ArrayList<>(result.perPath());
        List<LatencySummary> pages = result.perPath().subList(0, ids.size());
        List<LatencySummary> jsons = result.perPath().subList(ids.size(), 2 * ids.size());
        List<LatencySummary> groups = new ArrayList<>();
        if (!ids.isEmpty()) {
            groups.add(LatencySummary.merge("matrix page, " + ids.size() + " market(s)", result.seconds(), pages));
            groups.add(LatencySummary.merge("matrix JSON, " + ids.size() + " market(s)", result.seconds(), jsons));
        }
        LatencySummary all = LatencySummary.merge("all", result.seconds(), result.perPath());
        out.println();
        int width = Math.max(24, rows.stream().mapToInt(r -> r.name().length()).max().orElse(0));
        String header = "%-" + width + "s %9s %8s %8s %8s %8s %8s %7s %9s%n";
        String line = "%-" + width + "s %,9d %8.1f %8.1f %8.1f %8.1f %8.1f %7d %,9d%n";
        out.printf(Locale.ROOT, header, "path", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors", "KB/req");
        for (LatencySummary r : rows) {
            out.printf(Locale.ROOT, line, r.name(), r.requests(), r.throughput(), r.percentileMillis(50), r.percentileMillis(95),
                    r.percentileMillis(99), r.maxMillis(), r.errors(), r.requests() == 0 ? 0 : r.bytes() / r.requests() / 1024);
        }
        out.println("-".repeat(width + 80));
        for (LatencySummary r : groups) {
            out.printf(Locale.ROOT, line, r.name(), r.requests(), r.throughput(), r.percentileMillis(50), r.percentileMillis(95),
                    r.percentileMillis(99), r.maxMillis(), r.errors(), r.requests() == 0 ? 0 : r.bytes() / r.requests() / 1024);
        }
        out.printf(Locale.ROOT, line, all.name(), all.requests(), all.throughput(), all.percentileMillis(50), all.percentileMillis(95),
                all.percentileMillis(99), all.maxMillis(), all.errors(), all.requests() == 0 ? 0 : all.bytes() / all.requests() / 1024);
        out.println();
        if (!all.errorKinds().isEmpty()) {
            out.println("Errors: " + all.errorKinds());
        }
        if (result.countBoundHit()) {
            out.printf(Locale.ROOT, "Stopped after %,d requests (--max-requests): %.1f s measured.%n", maxRequests, result.seconds());
        }
        out.printf(Locale.ROOT, "Load average %.2f (1 min) at the end, this run's own threads included; this process used %.2f of %d cores%s.%n",
                loadAfter, cpuCores, cores,
                url == null ? " (clients and server)" : " (clients only)");
        List<LatencySummary> checked = new ArrayList<>(groups);
        checked.add(all);
        List<String> verdicts = checked.stream().map(r -> String.format(Locale.ROOT, "%s %s (p95 %.1f ms, %d errors)", r.name(),
                r.meets(TARGET_P95_MS) ? "met" : "NOT met", r.percentileMillis(95), r.errors())).toList();
        out.println("Target p95 < " + TARGET_P95_MS + " ms with no errors, " + clients + " clients: " + String.join("; ", verdicts));
        out.flush();
        return 0;
    }

    /** The markets to request: {@code --market}, else every market {@code GET /api/markets} lists. */
    private List<String> marketIds(URI base, Optional<String> bearer) {
        if (!markets.isEmpty()) {
            return List.copyOf(markets);
        }
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("api/markets")).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").GET();
        bearer.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new StartupException("GET " + base.resolve("api/markets") + " answered " + response.statusCode()
                        + (response.statusCode() == 401 || response.statusCode() == 403 ? " (give an API token with --token)" : ""));
            }
            JsonNode list = new ObjectMapper().readTree(response.body());
            List<String> ids = new ArrayList<>();
            list.forEach(m -> ids.add(m.path("id").asText()));
            return ids;
        } catch (IOException e) {
            throw new StartupException("Cannot reach " + base + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); is the workbench running there?");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("Interrupted while listing the markets of " + base);
        }
    }
}
