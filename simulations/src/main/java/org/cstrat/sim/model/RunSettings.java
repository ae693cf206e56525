package org.cstrat.sim.model;

/** How many replications to run, from which seed, and when to stop early. */
public record RunSettings(
        @Param(value = "replications to run (the maximum when stopping early)", unit = "replications", min = 1, max = REPLICATIONS_MAX)
        int replications,
        @Param(value = "master seed of all random streams", unit = "seed")
        long seed,
        @Param(value = "replications per batch; early stopping is decided only between batches", unit = "replications", min = 1, max = 1_000_000)
        int batchSize,
        @Param(value = "stop after the first batch at which every strategy's NPV standard error / |mean| is at most this; 0 never stops early", unit = "ratio", min = 0, max = 1)
        double targetRelativeError) {

    public static final int REPLICATIONS_DEFAULT = 1000;
    /** The most replications one run may ask for; a server or a heap may allow fewer (see {@code WorkEstimate}). */
    public static final int REPLICATIONS_MAX = 10_000_000;
    public static final long SEED_DEFAULT = 20240601L;
    public static final int BATCH_DEFAULT = 100;

    public RunSettings {
        Checks.intRange("run.replications", replications, 1, REPLICATIONS_MAX);
        Checks.intRange("run.batchSize", batchSize, 1, 1_000_000);
        Checks.probability("run.targetRelativeError", targetRelativeError);
    }

    public static RunSettings defaults() {
        return new RunSettings(REPLICATIONS_DEFAULT, SEED_DEFAULT, BATCH_DEFAULT, 0.0);
    }

    public RunSettings withReplications(int n) {
        return new RunSettings(n, seed, batchSize, targetRelativeError);
    }

    public RunSettings withSeed(long s) {
        return new RunSettings(replications, s, batchSize, targetRelativeError);
    }

    public RunSettings withTargetRelativeError(double target) {
        return new RunSettings(replications, seed, batchSize, target);
    }
}
