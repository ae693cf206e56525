package org.cstrat.server.firm;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.cstrat.framework.Architecture;
import org.cstrat.framework.Experience;
import org.cstrat.framework.StarStage;
import org.cstrat.server.market.FirmRecord;
import org.cstrat.server.placement.FirmEvidence;
import org.cstrat.server.placement.Placement;
import org.cstrat.server.placement.PlacementRules;

/** Everything the firm page and {@code GET /api/firms/{id}} show about one firm. */
public record FirmProfile(FirmRecord firm, List<Placement> placements, List<PlacementRules.Unplaced> unplaced,
                          PlacementRules.Personalisation personalisation, FourRProfile fourR,
                          List<PlacementRules.Move> moves, String ecosystemSvg) {

    public FirmProfile {
        placements = List.copyOf(placements);
        unplaced = List.copyOf(unplaced);
        moves = List.copyOf(moves);
    }

    public FirmEvidence evidence() {
        return firm.evidence();
    }

    /** The firm's technologies by STAR stage, every stage present. */
    public Map<StarStage, List<FirmEvidence.TechnologyFacts>> starStack() {
        Map<StarStage, List<FirmEvidence.TechnologyFacts>> stack = new EnumMap<>(StarStage.class);
        for (StarStage s : StarStage.values()) {
            stack.put(s, firm.evidence().technologies().stream().filter(t -> t.stage() == s).toList());
        }
        return stack;
    }

    public List<StarStage> starStages() {
        return List.of(StarStage.values());
    }

    /** The placements in one cell, for the firm's mini matrix. */
    public List<Placement> placementsIn(Experience e, Architecture a) {
        return placements.stream().filter(p -> p.experience() == e && p.architecture() == a).toList();
    }

    public Set<String> occupiedCells() {
        return placements.stream().map(p -> PlacementRules.cellKey(p.experience(), p.architecture())).collect(Collectors.toSet());
    }

    /** Moves to the cells the firm does not occupy. */
    public List<PlacementRules.Move> otherCells() {
        return moves.stream().filter(m -> !m.occupied()).toList();
    }

    public List<Experience> rows() {
        return List.of(Experience.values());
    }

    public List<Architecture> columns() {
        return List.of(Architecture.values());
    }
}
