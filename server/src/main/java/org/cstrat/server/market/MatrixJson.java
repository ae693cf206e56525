package org.cstrat.server.market;

import java.util.List;

import org.cstrat.framework.Architecture;
import org.cstrat.framework.Experience;

/** The JSON shape of {@code GET /api/markets/{id}/matrix}: rows, columns and all 20 cells with their firms. */
public record MatrixJson(Market market, List<Axis> rows, List<Axis> columns, List<CellJson> cells) {

    /** A row (experience) or column (architecture) of the matrix. */
    public record Axis(String id, String name, int rank, String description) {
    }

    /** A cell: its coordinates, how many firms it holds, and the firms. */
    public record CellJson(String experience, String architecture, int count, List<FirmSummary> firms) {
    }

    public static MatrixJson of(Matrix matrix) {
        List<Axis> rows = matrix.rows().stream()
                .map(e -> new Axis(e.id(), e.label(), e.rank(), e.description())).toList();
        List<Axis> columns = matrix.columns().stream()
                .map(a -> new Axis(a.id(), a.label(), a.rank(), a.description())).toList();
        List<CellJson> cells = matrix.cells().stream()
                .map(c -> new CellJson(c.experience().id(), c.architecture().id(), c.firms().size(), c.firms())).toList();
        return new MatrixJson(matrix.market(), rows, columns, cells);
    }

    /** Convenience for clients and tests: the firms in one cell. */
    public List<FirmSummary> firmsIn(Experience experience, Architecture architecture) {
        return cells.stream().filter(c -> c.experience().equals(experience.id()) && c.architecture().equals(architecture.id()))
                .findFirst().map(CellJson::firms).orElse(List.of());
    }
}
