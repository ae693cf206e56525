package org.cstrat.server.market;

import java.util.List;

import org.cstrat.server.NotFoundException;

/** Markets and their connected-strategy matrix. */
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
        return Matrix.of(market, markets.declaredPlacements(marketId));
    }
}
