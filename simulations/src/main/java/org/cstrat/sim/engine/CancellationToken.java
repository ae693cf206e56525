package org.cstrat.sim.engine;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Cancels a running simulation from any thread. Workers look at it before every replication and, inside
 * a replication, once per block of customers ({@code CompiledStrategy.BLOCK_EPISODE_PERIODS} episode-periods,
 * a few milliseconds), so a run stops within about the engine's progress poll (0.1 s) whatever its size;
 * the engine then throws {@link SimulationCancelledException}.
 */
public final class CancellationToken {
    private final AtomicBoolean cancelled = new AtomicBoolean();

    /** A token that is never cancelled by anyone else. */
    public static CancellationToken none() {
        return new CancellationToken();
    }

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }
}
