package org.cstrat.server.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * A closed-loop HTTP load: N clients, each a plain thread with its own {@link HttpClient} (HTTP/1.1, one kept-alive
 * connection), sends a GET, reads the whole answer, and sends the next as soon as it has it, cycling through the
 * paths (each client starting at a different one). The first {@code warmup} is not recorded; every request that
 * starts inside the measured window is, with its latency (to the last byte of the body) and whether it failed
 * (a non-2xx status or an exception). Bounded in time (the window, then at most one request timeout for the
 * requests still running) and in count ({@code maxRequests} recorded requests in all). Redirects are not followed,
 * so it never talks to anything but {@code base}.
 */
final class HttpLoad {

    /**
     * What to run. {@code base} ends in '/'; {@code paths} start with '/' and are taken below it ({@code /markets/x} on
     * {@code http://h/wb/} is {@code http://h/wb/markets/x}); the token, if any, is sent as a bearer token.
     */
    record Plan(URI base, List<String> paths, int clients, Duration warmup, Duration measured, Duration timeout,
                long maxRequests, Optional<String> token) {
        Plan {
            Objects.requireNonNull(base, "base");
            paths = List.copyOf(paths);
            if (paths.isEmpty()) {
                throw new IllegalArgumentException("paths: at least one path is needed");
            }
            for (String p : paths) {
                if (!p.startsWith("/") || p.startsWith("//")) {
                    throw new IllegalArgumentException("paths: '" + p + "' is not a path on the server (it must start with one /)");
                }
            }
            if (clients < 1) {
                throw new IllegalArgumentException("clients must be at least 1, got " + clients);
            }
            if (warmup.isNegative() || measured.isNegative() || measured.isZero() || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("warmup must be >= 0, measured and timeout > 0");
            }
            if (maxRequests < 1) {
                throw new IllegalArgumentException("maxRequests must be at least 1, got " + maxRequests);
            }
            Objects.requireNonNull(token, "token");
        }
    }

    /** The figures per path (in {@link Plan#paths} order), and the window actually measured (shorter if the count bound hit). */
    record Result(List<LatencySummary> perPath, double seconds, boolean countBoundHit) {
    }

    private HttpLoad() {
    }

    /**
     * Runs the plan; {@code progress} gets the milliseconds elapsed since the start (warm-up included) a few times a
     * second, on the calling thread.
     */
    static Result run(Plan plan, LongConsumer progress) throws InterruptedException {
        List<HttpRequest> requests = new ArrayList<>();
        for (String path : plan.paths()) {
            HttpRequest.Builder b = HttpRequest.newBuilder(plan.base().resolve(path.substring(1))).GET().timeout(plan.timeout())
                    .header("Accept", path.startsWith("/api/") ? "application/json" : "text/html");
            plan.token().ifPresent(t -> b.header("Authorization", "Bearer " + t));
            requests.add(b.build());
        }
        long start = System.nanoTime();
        long measureFrom = start + plan.warmup().toNanos();
        long measureUntil = measureFrom + plan.measured().toNanos();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong recorded = new AtomicLong();
        AtomicLong stoppedAt = new AtomicLong(Long.MAX_VALUE);
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < plan.clients(); i++) {
            Client c = new Client(i, requests, measureFrom, measureUntil, plan.maxRequests(), stop, recorded, stoppedAt);
            clients.add(c);
        }
        for (Client c : clients) {
            c.thread.start();
        }
        try {
            while (System.nanoTime() < measureUntil && !stop.get()) {
                progress.accept((System.nanoTime() - start) / 1_000_000L);
                Thread.sleep(200);
            }
            progress.accept((Math.min(System.nanoTime(), measureUntil) - start) / 1_000_000L);
            stop.set(true);
            long deadline = System.nanoTime() + plan.timeout().toNanos() + 1_000_000_000L;
            for (Client c : clients) {
                c.thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000L));
            }
        } finally {
            stop.set(true);
            for (Client c : clients) {
                c.thread.interrupt();
            }
        }
        long end = Math.min(measureUntil, stoppedAt.get());
        double seconds = Math.max(1e-3, (end - measureFrom) / 1e9);
        List<LatencySummary> perPath = new ArrayList<>();
        for (int p = 0; p < plan.paths().size(); p++) {
            long n = 0;
            long errors = 0;
            long bytes = 0;
            int samples = 0;
            Map<String, Long> kinds = new TreeMap<>();
            for (Client c : clients) {
                Tally t = c.tallies[p];
                n += t.requests;
                errors += t.errors;
                bytes += t.bytes;
                samples += t.count;
                t.errorKinds.forEach((k, v) -> kinds.merge(k, v, Long::sum));
            }
            long[] all = new long[samples];
            int at = 0;
            for (Client c : clients) {
                Tally t = c.tallies[p];
                System.arraycopy(t.nanos, 0, all, at, t.count);
                at += t.count;
            }
            perPath.add(new LatencySummary("GET " + plan.paths().get(p), n, errors, bytes, seconds, all, kinds));
        }
        return new Result(perPath, seconds, stoppedAt.get() != Long.MAX_VALUE);
    }

    /** One path's records of one client. */
    private static final class Tally {
        long requests;
        long errors;
        long bytes;
        long[] nanos = new long[256];
        int count;
        final Map<String, Long> errorKinds = new TreeMap<>();

        void answered(long latency) {
            if (count == nanos.length) {
                nanos = Arrays.copyOf(nanos, count * 2);
            }
            nanos[count++] = latency;
        }
    }

    private static final class Client implements Runnable {
        final Thread thread;
        final Tally[] tallies;
        private final int index;
        private final List<HttpRequest> requests;
        private final long measureFrom;
        private final long measureUntil;
        private final long maxRequests;
        private final AtomicBoolean stop;
        private final AtomicLong recorded;
        private final AtomicLong stoppedAt;
        private final byte[] buffer = new byte[64 * 1024];

        Client(int index, List<HttpRequest> requests, long measureFrom, long measureUntil, long maxRequests,
               AtomicBoolean stop, AtomicLong recorded, AtomicLong stoppedAt) {
            this.index = index;
            this.requests = requests;
            this.measureFrom = measureFrom;
            this.measureUntil = measureUntil;
            this.maxRequests = maxRequests;
            this.stop = stop;
            this.recorded = recorded;
            this.stoppedAt = stoppedAt;
            this.tallies = new Tally[requests.size()];
            for (int i = 0; i < tallies.length; i++) {
                tallies[i] = new Tally();
            }
            this.thread = new Thread(this, "bench-http-client-" + index);
            this.thread.setDaemon(true);
        }

        @Override
        public void run() {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
            int next = index % requests.size();
            while (!stop.get()) {
                int p = next;
                next = (next + 1) % requests.size();
                long t0 = System.nanoTime();
                if (t0 >= measureUntil) {
                    return;
                }
                boolean measured = t0 >= measureFrom;
                if (measured && recorded.incrementAndGet() > maxRequests) {
                    stoppedAt.compareAndSet(Long.MAX_VALUE, t0);
                    stop.set(true);
                    return;
                }
                int status;
                long bytes = 0;
                String failure = null;
                try {
                    HttpResponse<InputStream> response = http.send(requests.get(p), HttpResponse.BodyHandlers.ofInputStream());
                    status = response.statusCode();
                    try (InputStream body = response.body()) {
                        for (int n; (n = body.read(buffer)) >= 0; ) {
                            bytes += n;
                        }
                    }
                    if (status < 200 || status > 299) {
                        failure = "HTTP " + status;
                    }
                } catch (IOException e) {
                    failure = e.getClass().getSimpleName();
                } catch (InterruptedException e) {
                    return;
                }
                long latency = System.nanoTime() - t0;
                if (measured) {
                    Tally t = tallies[p];
                    t.requests++;
                    t.bytes += bytes;
                    if (failure != null) {
                        t.errors++;
                        t.errorKinds.merge(failure, 1L, Long::sum);
                    }
                    if (failure == null || failure.startsWith("HTTP ")) {
                        t.answered(latency);
                    }
                }
            }
        }
    }
}
