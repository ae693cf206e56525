package org.cstrat.server.market;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cstrat.server.neo4j.CypherFiles;
import org.cstrat.server.neo4j.Reads;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;

/** {@link MarketRepository} over the Neo4j Driver; its Cypher is in {@code cypher/queries/app/market/} and {@code firm/}. */
public final class Neo4jMarketRepository implements MarketRepository {

    private static final String LIST_MARKETS = CypherFiles.query("market/list_markets");
    private static final String FIND_MARKET = CypherFiles.query("market/find_market");
    private static final String FIRM_IDS = CypherFiles.query("market/firm_ids");

    private final Reads reads;

    public Neo4jMarketRepository(Driver driver) {
        this.reads = new Reads(driver);
    }

    @Override
    public List<Market> findAll() {
        return reads.list(LIST_MARKETS, Map.of(), Neo4jMarketRepository::market);
    }

    @Override
    public Optional<Market> findById(String marketId) {
        return reads.list(FIND_MARKET, Map.of("market", marketId), Neo4jMarketRepository::market).stream().findFirst();
    }

    @Override
    public List<FirmRecord> firms(String marketId) {
        List<String> ids = reads.list(FIRM_IDS, Map.of("market", marketId), r -> r.get("id").asString());
        return Neo4jFirmRecords.load(reads, ids);
    }

    private static Market market(Record r) {
        return new Market(r.get("id").asString(), r.get("name").asString(), r.get("region").asString(null),
                r.get("description").asString(null), r.get("asOf").isNull() ? null : r.get("asOf").asInt(), r.get("firmCount").asInt());
    }
}
