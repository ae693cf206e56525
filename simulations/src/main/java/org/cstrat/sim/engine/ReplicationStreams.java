package org.cstrat.sim.engine;

import org.apache.commons.rng.JumpableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The random stream of replication {@code i}: the master XoRoShiRo128++ generator, seeded from the
 * master seed by Commons RNG, advanced by {@code i} jumps of 2^64 steps. Streams of different
 * replications therefore never overlap, and stream {@code i} depends only on (seed, i), not on
 * which worker computes it or in which order.
 *
 * <p>One cursor belongs to one worker thread (not thread-safe). It only moves forward, which is
 * how workers claim replication indices, so a worker jumps at most as often as the highest index
 * it serves.
 */
public final class ReplicationStreams {
    private final JumpableUniformRandomProvider cursor;
    private long position;

    public ReplicationStreams(long seed) {
        this.cursor = (JumpableUniformRandomProvider) RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    /** Stream of replication {@code index}; indices must increase from call to call. */
    public UniformRandomProvider stream(long index) {
        if (index < position) {
            throw new IllegalArgumentException("replication index must not go back, was " + index + " after " + (position - 1));
        }
        while (position < index) {
            cursor.jump();
            position++;
        }
        position++;
        return cursor.jump();
    }
}
