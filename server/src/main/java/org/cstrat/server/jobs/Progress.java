package org.cstrat.server.jobs;

/**
 * How far a background job is: its phase and, where the phase counts, {@code done} of {@code total} units (0/0 where it
 * does not). Replaced as one value, so that a poller never sees the count of another phase.
 */
public record Progress(String phase, long done, long total) {
    public Progress {
        if (phase == null || phase.isBlank()) {
            throw new IllegalArgumentException("phase: a job's progress names its phase, was " + phase);
        }
        if (done < 0 || total < 0) {
            throw new IllegalArgumentException("done and total must be zero or positive, were " + done + " and " + total);
        }
    }

    /** The start of a phase: nothing counted yet. */
    public static Progress of(String phase) {
        return new Progress(phase, 0, 0);
    }

    /** The same phase with new counts. */
    public Progress counted(long nowDone, long nowTotal) {
        return new Progress(phase, nowDone, nowTotal);
    }

    /** Whole per cent done, or null in a phase without counts. */
    public Integer percent() {
        return total > 0 ? (int) (100 * done / total) : null;
    }
}
