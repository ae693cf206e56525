package org.cstrat.sim.compare;

import java.util.List;
import org.cstrat.framework.Architecture;
import org.cstrat.framework.Experience;

/**
 * The matrix heatmap: 20 cells, rows by experience then columns by architecture, all simulated on
 * common random numbers in one run, so differences between cells are not noise.
 */
public record HeatmapResult(String scenario, String baseStrategy, int replications, double referencePrice,
                            HeatmapMapping mapping, List<HeatmapCell> cells) {
    public HeatmapResult {
        cells = List.copyOf(cells);
    }

    public HeatmapCell cell(Experience e, Architecture a) {
        return cells.stream().filter(c -> c.experience() == e && c.architecture() == a).findFirst().orElseThrow();
    }
}
