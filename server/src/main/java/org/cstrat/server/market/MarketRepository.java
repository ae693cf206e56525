package org.cstrat.server.market;

import java.util.List;
import java.util.Optional;

/** Reading markets and the placements of their firms; the graph adapter is {@link Neo4jMarketRepository}. */
public interface MarketRepository {

    List<Market> findAll();

    Optional<Market> findById(String marketId);

    /** The declared placement of every offering of every firm in the market. */
    List<Placement> declaredPlacements(String marketId);
}
