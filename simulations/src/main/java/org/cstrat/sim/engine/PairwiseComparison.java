package org.cstrat.sim.engine;

import org.cstrat.sim.stats.Distribution;
import org.cstrat.sim.stats.Histogram;

/**
 * Strategy {@code a} against strategy {@code b} on common random numbers: the per-replication
 * difference NPV(a) - NPV(b). A strategy compared with itself gives exactly zero everywhere.
 *
 * @param probabilityABeatsB share of replications with NPV(a) > NPV(b)
 * @param probabilityTie share of replications with NPV(a) == NPV(b)
 */
public record PairwiseComparison(String a, String b, Distribution difference, Histogram differenceHistogram,
                                 double probabilityABeatsB, double probabilityTie) {
}
