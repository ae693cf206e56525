package org.cstrat.sim.engine;

import org.cstrat.sim.SimulationException;

/** The run was cancelled through its {@link CancellationToken} or by interrupting the caller. */
public final class SimulationCancelledException extends SimulationException {
    private static final long serialVersionUID = 1L;

    public SimulationCancelledException(long done, long total) {
        super("simulation cancelled after " + done + " of " + total + " replications");
    }
}
