package org.cstrat.server.market;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cstrat.framework.Architecture;
import org.cstrat.framework.Experience;
import org.cstrat.server.neo4j.CypherFiles;
import org.cstrat.server.neo4j.Reads;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;

/** {@link MarketRepository} over the Neo4j Driver; its Cypher is in {@code cypher/queries/app/market/}. */
public final class Neo4jMarketRepository implements MarketRepository {

    private static final String LIST_MARKETS = CypherFiles.query("market/list_markets");
    private static final String FIND_MARKET = CypherFiles.query("market/find_market");
    private static final String DECLARED_PLACEMENTS = CypherFiles.query("market/declared_placements");

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
    public List<Placement> declaredPlacements(String marketId) {
        return reads.list(DECLARED_PLACEMENTS, Map.of("market", marketId), r -> new Placement(
                new FirmSummary(r.get("firmId").asString(), r.get("firmName").asString(),
                        r.get("parentId").asString(null), r.get("parentName").asString(null), r.get("status").asString(null)),
                r.get("offeringId").asString(), r.get("offeringName").asString(null),
                Experience.fromId(r.get("experience").asString()).orElseThrow(),
                Architecture.fromId(r.get("architecture").asString()).orElseThrow(),
                "declared"));
    }

    private static Market market(Record r) {
        return new Market(r.get("id").asString(), r.get("name").asString(), r.get("region").asString(null),
                r.get("description").asString(null), r.get("firmCount").asInt());
    }
}
