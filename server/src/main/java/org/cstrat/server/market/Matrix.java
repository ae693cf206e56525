package org.cstrat.server.market;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.cstrat.framework.Architecture;
import org.cstrat.framework.Experience;
import org.cstrat.server.placement.Placement;

/**
 * The connected-strategy matrix of a market: 4 experiences (rows) by 5 architectures (columns), each
 * cell with the firms placed there as chips. A firm appears once per cell however many of its
 * offerings land in it; the chip keeps those placements and their evidence.
 *
 * @param firms    every firm of the market, placed or not
 * @param unplaced offerings the evidence cannot place yet, with the reason
 */
public record Matrix(Market market, List<Cell> cells, List<FirmSummary> firms, List<UnplacedFirm> unplaced) {

    public Matrix {
        Objects.requireNonNull(market, "market");
        cells = List.copyOf(cells);
        firms = List.copyOf(firms);
        unplaced = List.copyOf(unplaced);
        if (cells.size() != Experience.values().length * Architecture.values().length) {
            throw new IllegalArgumentException("a matrix has 20 cells, got " + cells.size());
        }
    }

    /** A firm in a cell, with the placements (offerings) that put it there. */
    public record Chip(FirmSummary firm, List<Placement> placements) {
        public Chip {
            Objects.requireNonNull(firm, "firm");
            placements = List.copyOf(placements);
        }

        public boolean declared() {
            return placements.stream().anyMatch(Placement::declared);
        }

        public boolean conflict() {
            return placements.stream().anyMatch(Placement::inConflict);
        }

        public String offerings() {
            return String.join(", ", placements.stream().map(Placement::offeringName).toList());
        }
    }

    /** One cell and its chips, sorted by firm name. */
    public record Cell(Experience experience, Architecture architecture, List<Chip> chips) {
        public Cell {
            Objects.requireNonNull(experience, "experience");
            Objects.requireNonNull(architecture, "architecture");
            chips = List.copyOf(chips);
        }

        public List<FirmSummary> firms() {
            return chips.stream().map(Chip::firm).toList();
        }

        public boolean isEmpty() {
            return chips.isEmpty();
        }

        public int count() {
            return chips.size();
        }
    }

    /** An offering of a firm that has no cell, and why. */
    public record UnplacedFirm(FirmSummary firm, String offeringName, String reason) {
    }

    /** Builds the matrix from placements; every cell is present, empty ones included. */
    public static Matrix of(Market market, List<FirmSummary> firms, List<Placement> placements, List<UnplacedFirm> unplaced) {
        Map<String, FirmSummary> byId = new LinkedHashMap<>();
        firms.forEach(f -> byId.put(f.id(), f));
        Map<Experience, Map<Architecture, Map<String, List<Placement>>>> grid = new EnumMap<>(Experience.class);
        for (Experience e : Experience.values()) {
            Map<Architecture, Map<String, List<Placement>>> row = new EnumMap<>(Architecture.class);
            for (Architecture a : Architecture.values()) {
                row.put(a, new LinkedHashMap<>());
            }
            grid.put(e, row);
        }
        for (Placement p : placements) {
            if (!byId.containsKey(p.firmId())) {
                throw new IllegalArgumentException("placement of unknown firm " + p.firmId());
            }
            grid.get(p.experience()).get(p.architecture()).computeIfAbsent(p.firmId(), k -> new ArrayList<>()).add(p);
        }
        List<Cell> cells = new ArrayList<>();
        for (Experience e : Experience.values()) {
            for (Architecture a : Architecture.values()) {
                List<Chip> chips = new ArrayList<>();
                grid.get(e).get(a).forEach((firmId, ps) -> chips.add(new Chip(byId.get(firmId), ps)));
                chips.sort(Comparator.comparing((Chip c) -> c.firm().name(), String.CASE_INSENSITIVE_ORDER).thenComparing(c -> c.firm().id()));
                cells.add(new Cell(e, a, chips));
            }
        }
        return new Matrix(market, cells, firms, unplaced);
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

    /** Number of firms with at least one cell. */
    public long placedFirms() {
        return cells.stream().flatMap(c -> c.firms().stream()).map(FirmSummary::id).distinct().count();
    }

    public long emptyCells() {
        return cells.stream().filter(Cell::isEmpty).count();
    }

    /** The firm types present, for the filter. */
    public List<String> firmTypes() {
        return List.copyOf(new TreeSet<>(firms.stream().map(FirmSummary::type).filter(t -> !t.isEmpty()).toList()));
    }

    /** The parent companies present (id, name, colour), for the colour legend. */
    public List<FirmSummary> parents() {
        Map<String, FirmSummary> parents = new LinkedHashMap<>();
        firms.stream().sorted(Comparator.comparing(FirmSummary::parentName, String.CASE_INSENSITIVE_ORDER))
                .forEach(f -> parents.putIfAbsent(f.parentKey(), f));
        return List.copyOf(parents.values());
    }

    /**
     * The place of a firm's parent in {@link #parents()} (the legend's order), which picks its colour: parents of
     * one market never share a look until {@link FirmSummary#DISTINCT_LOOKS} of them, and neighbours in the legend
     * get neighbouring palette colours, which the palette makes distinct.
     */
    public int parentColourIndex(FirmSummary firm) {
        List<FirmSummary> parents = parents();
        for (int i = 0; i < parents.size(); i++) {
            if (parents.get(i).parentKey().equals(firm.parentKey())) {
                return i;
            }
        }
        throw new IllegalArgumentException("firm " + firm.id() + " is not in the matrix of market " + market.id());
    }

    public String parentColour(FirmSummary firm) {
        return FirmSummary.parentColour(parentColourIndex(firm));
    }

    public String parentColourClass(FirmSummary firm) {
        return FirmSummary.parentColourClass(parentColourIndex(firm));
    }

    public boolean parentStriped(FirmSummary firm) {
        return FirmSummary.parentStriped(parentColourIndex(firm));
    }
}
