package org.cstrat.server.market;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.cstrat.framework.Architecture;
import org.cstrat.framework.Experience;

/**
 * The connected-strategy matrix of a market: 4 experiences (rows) by 5 architectures (columns),
 * each cell with the firms placed there. A firm appears once per cell however many of its
 * offerings land in it.
 */
public record Matrix(Market market, List<Cell> cells) {

    public Matrix {
        Objects.requireNonNull(market, "market");
        cells = List.copyOf(cells);
        if (cells.size() != Experience.values().length * Architecture.values().length) {
            throw new IllegalArgumentException("a matrix has 20 cells, got " + cells.size());
        }
    }

    /** One cell and the firms in it, sorted by name. */
    public record Cell(Experience experience, Architecture architecture, List<FirmSummary> firms) {
        public Cell {
            Objects.requireNonNull(experience, "experience");
            Objects.requireNonNull(architecture, "architecture");
            firms = List.copyOf(firms);
        }

        public boolean isEmpty() {
            return firms.isEmpty();
        }
    }

    /** Builds the matrix from placements; every cell is present, empty ones included. */
    public static Matrix of(Market market, List<Placement> placements) {
        Map<Experience, Map<Architecture, Map<String, FirmSummary>>> grid = new EnumMap<>(Experience.class);
        for (Experience e : Experience.values()) {
            Map<Architecture, Map<String, FirmSummary>> row = new EnumMap<>(Architecture.class);
            for (Architecture a : Architecture.values()) {
                row.put(a, new LinkedHashMap<>());
            }
            grid.put(e, row);
        }
        for (Placement p : placements) {
            grid.get(p.experience()).get(p.architecture()).putIfAbsent(p.firm().id(), p.firm());
        }
        List<Cell> cells = new ArrayList<>();
        for (Experience e : Experience.values()) {
            for (Architecture a : Architecture.values()) {
                List<FirmSummary> firms = new ArrayList<>(grid.get(e).get(a).values());
                firms.sort(Comparator.comparing(FirmSummary::name, String.CASE_INSENSITIVE_ORDER));
                cells.add(new Cell(e, a, firms));
            }
        }
        return new Matrix(market, cells);
    }

    public Cell cell(Experience experience, Architecture architecture) {
        return cells.get(experience.ordinal() * Architecture.values().length + architecture.ordinal());
    }

    public List<Experience> rows() {
        return List.of(Experience.values());
    }

    public List<Architecture> columns() {
        return List.of(Architecture.values());
    }

    /** Number of firms in a column, counting each firm once. */
    public long firmsInColumn(Architecture architecture) {
        return cells.stream().filter(c -> c.architecture() == architecture)
                .flatMap(c -> c.firms().stream()).map(FirmSummary::id).distinct().count();
    }

    /** Number of firms in a row, counting each firm once. */
    public long firmsInRow(Experience experience) {
        return cells.stream().filter(c -> c.experience() == experience)
                .flatMap(c -> c.firms().stream()).map(FirmSummary::id).distinct().count();
    }
}
