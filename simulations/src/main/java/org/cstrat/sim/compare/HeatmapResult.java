package org.cstrat.sim.compare;

import java.util.List;
import org.cstrat.framework.Architecture;
import org.cstrat.framework.Experience;

/**
 * The matrix heatmap: 20 cells, rows by experience then columns by architecture, all simulated on
 * common random numbers in one run, so differences between cells are not noise. {@code ownArchitecture} is
 * the column of the base strategy's own cell (in the row of its experience); {@code mapping} is the one
 * sentence that says how the other cells are billed; money in {@code currency} (ISO 4217), and {@code merged} a sentence per pair of columns that
 * ran the same strategies (empty when none did).
 */
public record HeatmapResult(String scenario, String baseStrategy, int replications, double referencePrice,
                            Architecture ownArchitecture, String explanation, List<String> merged,
                            HeatmapMapping mapping, List<HeatmapCell> cells, String currency) {
    public HeatmapResult {
        cells = List.copyOf(cells);
        merged = List.copyOf(merged);
    }

    public HeatmapCell cell(Experience e, Architecture a) {
        return cells.stream().filter(c -> c.experience() == e && c.architecture() == a).findFirst().orElseThrow();
    }

    /** The base strategy's own cell. */
    public HeatmapCell ownCell() {
        return cells.stream().filter(HeatmapCell::ownStrategy).findFirst().orElseThrow();
    }

    /** Whether column {@code a} ran, in every row, the same strategies as column {@code into}. */
    public boolean mergedInto(Architecture a, Architecture into) {
        return cells.stream().filter(c -> c.architecture() == a).allMatch(c -> c.sameAs() == into);
    }
}
