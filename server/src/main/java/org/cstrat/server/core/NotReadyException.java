package org.cstrat.server.core;

/**
 * The workbench is still preparing its graph (or failed to): pages show the loading page, the API answers "service unavailable" with
 * {@code Retry-After} while loading.
 */
public final class NotReadyException extends WorkbenchException {

    private final boolean failed;
    private final String phase;
    private final int percent;

    public NotReadyException(String message, boolean failed, String phase, int percent) {
        super(message);
        this.failed = failed;
        this.phase = phase;
        this.percent = percent;
    }

    /** Whether start-up failed (no point retrying) rather than still running. */
    public boolean failed() {
        return failed;
    }

    public String phase() {
        return phase;
    }

    public int percent() {
        return percent;
    }
}
