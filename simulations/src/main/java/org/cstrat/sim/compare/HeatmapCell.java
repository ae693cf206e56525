package org.cstrat.sim.compare;

import org.cstrat.framework.Architecture;
import org.cstrat.framework.Experience;
import org.cstrat.framework.RevenueModelKind;
import org.cstrat.sim.stats.Distribution;

/** The simulated value of the firm in one cell of the connected-strategy matrix. */
public record HeatmapCell(Experience experience, Architecture architecture, RevenueModelKind billing,
                          Distribution npv, double fulfilmentCostShare) {
}
