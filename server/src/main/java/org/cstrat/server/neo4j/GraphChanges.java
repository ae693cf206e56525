package org.cstrat.server.neo4j;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The generation of the graph as this process wrote it: a counter every write path that can change what a
 * {@link GraphReadCache} holds moves on once its transaction has ended (committed, or failed: a needless
 * recomputation is harmless). Caches keep the generation their value was read in and serve it only while the
 * generation is still the same, so a change made through this workbench is visible on the very next read.
 * Writes made elsewhere (an analyst over Bolt, another workbench on the same cluster) do not move it; caches bound
 * how long those stay unseen with a time-to-live.
 */
public final class GraphChanges {

    private final AtomicLong generation = new AtomicLong();

    /** The current generation. */
    public long generation() {
        return generation.get();
    }

    /** Records that a write has ended: every value cached before is out of date from now on. */
    public void changed() {
        generation.incrementAndGet();
    }
}
