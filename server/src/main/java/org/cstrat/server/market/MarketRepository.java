package org.cstrat.server.market;

import java.util.List;
import java.util.Optional;

/** Reading markets and the evidence about their firms; the graph adapter is {@link Neo4jMarketRepository}. */
public interface MarketRepository {

    List<Market> findAll();

    Optional<Market> findById(String marketId);

    /** Every firm competing in the market, with its placement evidence, by name. */
    List<FirmRecord> firms(String marketId);
}
