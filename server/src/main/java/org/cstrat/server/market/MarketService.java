package org.cstrat.server.market;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.cstrat.server.core.NotFoundException;
import org.cstrat.server.neo4j.GraphChanges;
import org.cstrat.server.neo4j.GraphReadCache;
import org.cstrat.server.placement.Placement;
import org.cstrat.server.placement.PlacementRules;

/**
 * Markets and their connected-strategy matrix, computed from the evidence by {@link PlacementRules}. The matrix of
 * each market is kept in a {@link GraphReadCache}: recomputed after every write through this workbench (the write
 * paths move {@link GraphChanges} on) and at least every {@link GraphReadCache#STALE_AFTER_DEFAULT} for writes made
 * elsewhere.
 */
public final class MarketService {

    private final MarketRepository markets;
    private final GraphReadCache<String, Matrix> matrices;

    /** Without a cache: every matrix is read and computed afresh (tools that write and read in one run). */
    public MarketService(MarketRepository markets) {
        this(markets, new GraphReadCache<>(new GraphChanges(), Duration.ZERO, System::nanoTime));
    }

    /** With the matrices cached until {@code changes} moves on, or for at most the default time-to-live. */
    public MarketService(MarketRepository markets, GraphChanges changes) {
        this(markets, new GraphReadCache<>(changes));
    }

    public MarketService(MarketRepository markets, GraphReadCache<String, Matrix> matrices) {
        this.markets = markets;
        this.matrices = matrices;
    }

    public List<Market> markets() {
        return markets.findAll();
    }

    public Market market(String marketId) {
        return markets.findById(marketId).orElseThrow(() -> new NotFoundException("market", marketId));
    }

    /** The market's matrix as its evidence places the firms (cached, see the class comment). */
    public Matrix matrix(String marketId) {
        return matrices.get(marketId, this::computeMatrix);
    }

    private Matrix computeMatrix(String marketId) {
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
