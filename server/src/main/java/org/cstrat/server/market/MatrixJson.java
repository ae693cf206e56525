package org.cstrat.server.market;

import java.util.List;

import org.cstrat.framework.Architecture;
import org.cstrat.framework.Experience;

/**
 * The JSON shape of {@code GET /api/markets/{id}/matrix}: rows, columns and all 20 cells with their firms
 * (each with the offerings that put it there and whether the cell is declared or in conflict with the evidence).
 */
public record MatrixJson(Market market, List<Axis> rows, List<Axis> columns, List<CellJson> cells, List<Matrix.UnplacedFirm> unplaced) {

    /** A row (experience) or column (architecture) of the matrix. */
    public record Axis(String id, String name, int rank, String description, long firms) {
    }

    /** A cell: its coordinates, how many firms it holds, and the firms. */
    public record CellJson(String experience, String architecture, int count, List<FirmInCell> firms) {
    }

    /** A firm in a cell. */
    public record FirmInCell(String id, String name, String parentId, String parentName, String status, String type,
                             List<String> offerings, boolean declared, boolean conflict) {
    }

    public static MatrixJson of(Matrix matrix) {
        List<Axis> rows = matrix.rows().stream()
                .map(e -> new Axis(e.id(), e.label(), e.rank(), e.description(), matrix.firmsInRow(e))).toList();
        List<Axis> columns = matrix.columns().stream()
                .map(a -> new Axis(a.id(), a.label(), a.rank(), a.description(), matrix.firmsInColumn(a))).toList();
        List<CellJson> cells = matrix.cells().stream()
                .map(c -> new CellJson(c.experience().id(), c.architecture().id(), c.count(), c.chips().stream()
                        .map(ch -> new FirmInCell(ch.firm().id(), ch.firm().name(), ch.firm().parentId(), ch.firm().parentName(),
                                ch.firm().status(), ch.firm().type(),
                                ch.placements().stream().map(p -> p.offeringId()).toList(), ch.declared(), ch.conflict()))
                        .toList())).toList();
        return new MatrixJson(matrix.market(), rows, columns, cells, matrix.unplaced());
    }

    /** Convenience for clients and tests: the firms in one cell. */
    public List<FirmInCell> firmsIn(Experience experience, Architecture architecture) {
        return cells.stream().filter(c -> c.experience().equals(experience.id()) && c.architecture().equals(architecture.id()))
                .findFirst().map(CellJson::firms).orElse(List.of());
    }
}
