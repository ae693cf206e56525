package org.cstrat.server.market;

import java.util.ArrayList;
import java.util.List;

import org.cstrat.server.NotFoundException;
import org.cstrat.server.placement.Placement;
import org.cstrat.server.placement.PlacementRules;

/** Markets and their connected-strategy matrix, computed from the evidence by {@link PlacementRules}. */
public final class MarketService {

    private final MarketRepository markets;

    public MarketService(MarketRepository markets) {
        this.markets = markets;
    }

    public List<Market> markets() {
        return markets.findAll();
    }

    public Market market(String marketId) {
        return markets.findById(marketId).orElseThrow(() -> new NotFoundException("market", marketId));
    }

    public Matrix matrix(String marketId) {
        Market market = market(marketId);
        List<FirmRecord> firms = markets.firms(marketId);
        List<Placement> placements = new ArrayList<>();
        List<Matrix.UnplacedFirm> unplaced = new ArrayList<>();
        for (FirmRecord firm : firms) {
            PlacementRules.FirmPlacement placed = PlacementRules.place(firm.evidence());
            placements.addAll(placed.placements());
            placed.unplaced().forEach(u -> unplaced.add(new Matrix.UnplacedFirm(firm.summary(), u.offeringName(), u.reason())));
        }
        return Matrix.of(market, firms.stream().map(FirmRecord::summary).toList(), placements, unplaced);
    }

    public WhiteSpace whiteSpace(String marketId) {
        return WhiteSpace.of(matrix(marketId));
    }
}
