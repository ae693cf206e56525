package org.cstrat.server.health;

import org.cstrat.server.neo4j.BootstrapProgress;

/**
 * Whether the workbench is ready to serve its pages and API: the web server starts before the graph is prepared
 * (schema, reference data, the demo on a first start), which runs on a background thread and reports here.
 * Thread-safe: one writer (the loading thread), any number of readers (requests).
 */
public final class Readiness implements BootstrapProgress {

    /** Where start-up is. */
    public enum State { LOADING, READY, FAILED }

    /** What {@code /health} and the loading page show: the state, the current phase and how far it is (0-100). */
    public record Status(State state, String phase, int percent, String error) {
        public Status {
            if (state == null) {
                throw new IllegalArgumentException("state: must not be null");
            }
            if (percent < 0 || percent > 100) {
                throw new IllegalArgumentException("percent: " + percent + " is not in 0-100");
            }
            if ((state == State.FAILED) != (error != null)) {
                throw new IllegalArgumentException("error: given exactly when the state is FAILED (state " + state + ", error " + error + ")");
            }
        }
    }

    private volatile Status status;

    private Readiness(Status status) {
        this.status = status;
    }

    /** Start-up has begun: nothing prepared yet. */
    public static Readiness loading() {
        return new Readiness(new Status(State.LOADING, "starting", 0, null));
    }

    /** Over a graph prepared beforehand (tests, benchmarks): ready from the start. */
    public static Readiness ready() {
        return new Readiness(new Status(State.READY, "ready", 100, null));
    }

    @Override
    public void phase(String phase, int percent) {
        Status now = status;
        if (now.state() == State.LOADING) {
            status = new Status(State.LOADING, phase, Math.max(now.percent(), Math.min(100, Math.max(0, percent))), null);
        }
    }

    public void markReady() {
        status = new Status(State.READY, "ready", 100, null);
    }

    /** Start-up failed at the current phase; the web server keeps answering, with this error. */
    public void markFailed(String error) {
        Status now = status;
        status = new Status(State.FAILED, now.phase(), now.percent(), error == null || error.isBlank() ? "unknown error" : error);
    }

    public Status status() {
        return status;
    }

    public boolean isReady() {
        return status.state() == State.READY;
    }
}
