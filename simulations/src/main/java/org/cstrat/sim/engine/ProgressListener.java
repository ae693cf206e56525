package org.cstrat.sim.engine;

/**
 * Told how many replications are done out of how many. Always called on the thread that called
 * the engine (never on a worker), at most about ten times a second and once at the end, so an
 * implementation needs no synchronisation and may draw directly.
 */
@FunctionalInterface
public interface ProgressListener {
    /** A listener that ignores progress. */
    ProgressListener NONE = (done, total) -> { };

    void progress(long done, long total);

    /**
     * A listener for one step of a longer job: reports {@code before + done} out of {@code grandTotal}.
     */
    default ProgressListener offset(long before, long grandTotal) {
        ProgressListener outer = this;
        return (done, total) -> outer.progress(before + done, grandTotal);
    }
}
