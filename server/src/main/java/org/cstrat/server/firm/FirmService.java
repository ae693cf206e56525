package org.cstrat.server.firm;

import org.cstrat.server.core.NotFoundException;
import org.cstrat.server.market.FirmRecord;
import org.cstrat.server.placement.PlacementRules;

/** One firm's profile: placements with evidence, 4R profile, personalisation, moves and ecosystem. */
public final class FirmService {

    private final FirmRepository firms;

    public FirmService(FirmRepository firms) {
        this.firms = firms;
    }

    public FirmRecord firm(String firmId) {
        return firms.find(firmId).orElseThrow(() -> new NotFoundException("firm", firmId));
    }

    public FirmProfile profile(String firmId) {
        FirmRecord firm = firm(firmId);
        PlacementRules.FirmPlacement placed = PlacementRules.place(firm.evidence());
        FourRProfile fourR = FourRProfile.of(firms.interactions(firmId));
        PlacementRules.Personalisation personalisation = PlacementRules.personalisation(firm.evidence(), fourR.identifiedShare());
        var occupied = placed.placements().stream()
                .map(p -> PlacementRules.cellKey(p.experience(), p.architecture())).collect(java.util.stream.Collectors.toSet());
        return new FirmProfile(firm, placed.placements(), placed.unplaced(), personalisation, fourR,
                PlacementRules.moves(firm.evidence(), occupied), EcosystemSvg.render(firm.evidence()));
    }
}
