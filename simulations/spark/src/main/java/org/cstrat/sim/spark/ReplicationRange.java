package org.cstrat.sim.spark;

import java.io.Serializable;

/** One Spark task's work: replications {@code [from, to)} of evaluation {@code evaluation} of a job. */
record ReplicationRange(int evaluation, int from, int to) implements Serializable {
    ReplicationRange {
        if (evaluation < 0 || from < 0 || to <= from) {
            throw new IllegalArgumentException("range must have evaluation >= 0 and 0 <= from < to, was " + evaluation
                    + " [" + from + ", " + to + ")");
        }
    }

    /**
     * {@code [from, to)} cut into {@code pieces} contiguous ranges whose sizes differ by at most one (fewer pieces when
     * there are fewer replications).
     */
    static java.util.List<ReplicationRange> split(int evaluation, int from, int to, int pieces) {
        int n = to - from;
        int k = Math.max(1, Math.min(pieces, n));
        java.util.List<ReplicationRange> out = new java.util.ArrayList<>(k);
        int start = from;
        for (int i = 0; i < k; i++) {
            int size = n / k + (i < n % k ? 1 : 0);
            out.add(new ReplicationRange(evaluation, start, start + size));
            start += size;
        }
        return out;
    }
}
