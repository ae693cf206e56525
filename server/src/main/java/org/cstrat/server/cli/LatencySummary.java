package org.cstrat.server.cli;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * What a load run measured for one path (or a group of paths): counts, throughput and exact latency percentiles
 * from every recorded sample (nearest rank: the smallest latency that at least p % of the samples do not exceed).
 *
 * @param requests  requests that started inside the measured window (answered or failed)
 * @param errors    of those, the non-2xx answers and the exceptions (timeouts, refused connections)
 * @param seconds   length of the measured window
 * @param nanos     latencies of the requests that got an answer, sorted
 * @param errorKinds what the errors were (e.g. {@code HTTP 503}, {@code HttpTimeoutException}) and how many of each
 */
record LatencySummary(String name, long requests, long errors, long bytes, double seconds, long[] nanos,
                      Map<String, Long> errorKinds) {

    LatencySummary {
        Objects.requireNonNull(name, "name");
        if (requests < 0 || errors < 0 || errors > requests) {
            throw new IllegalArgumentException("requests " + requests + " and errors " + errors + " do not add up");
        }
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("seconds must be positive, got " + seconds);
        }
        nanos = nanos.clone();
        Arrays.sort(nanos);
        errorKinds = Map.copyOf(errorKinds);
    }

    /** Requests per second over the measured window. */
    double throughput() {
        return requests / seconds;
    }

    /** The p-th percentile (0 < p <= 100) in milliseconds by nearest rank; NaN without samples. */
    double percentileMillis(double p) {
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], got " + p);
        }
        if (nanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * nanos.length);
        return nanos[Math.max(0, rank - 1)] / 1e6;
    }

    double maxMillis() {
        return nanos.length == 0 ? Double.NaN : nanos[nanos.length - 1] / 1e6;
    }

    /** Whether it meets the target: p95 below {@code p95Millis} and not a single error (and at least one answer). */
    boolean meets(double p95Millis) {
        return errors == 0 && nanos.length > 0 && percentileMillis(95) < p95Millis;
    }

    /** Several summaries as one (a kind of path over all markets, or everything). */
    static LatencySummary merge(String name, double seconds, Iterable<LatencySummary> parts) {
        long requests = 0;
        long errors = 0;
        long bytes = 0;
        int samples = 0;
        Map<String, Long> kinds = new java.util.TreeMap<>();
        for (LatencySummary s : parts) {
            requests += s.requests;
            errors += s.errors;
            bytes += s.bytes;
            samples += s.nanos.length;
            s.errorKinds.forEach((k, v) -> kinds.merge(k, v, Long::sum));
        }
        long[] all = new long[samples];
        int at = 0;
        for (LatencySummary s : parts) {
            System.arraycopy(s.nanos, 0, all, at, s.nanos.length);
            at += s.nanos.length;
        }
        return new LatencySummary(name, requests, errors, bytes, seconds, all, kinds);
    }
}
