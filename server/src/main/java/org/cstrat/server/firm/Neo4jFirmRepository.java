package org.cstrat.server.firm;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cstrat.server.market.FirmRecord;
import org.cstrat.server.market.Neo4jFirmRecords;
import org.cstrat.server.neo4j.CypherFiles;
import org.cstrat.server.neo4j.Reads;
import org.neo4j.driver.Driver;

/** {@link FirmRepository} over the Neo4j Driver; its Cypher is in {@code cypher/queries/app/firm/}. */
public final class Neo4jFirmRepository implements FirmRepository {

    private static final String INTERACTIONS = CypherFiles.query("firm/firm_interactions");

    private final Reads reads;

    public Neo4jFirmRepository(Driver driver) {
        this.reads = new Reads(driver);
    }

    @Override
    public Optional<FirmRecord> find(String firmId) {
        return Neo4jFirmRecords.load(reads, List.of(firmId)).stream().findFirst();
    }

    @Override
    public List<InteractionStep> interactions(String firmId) {
        return reads.list(INTERACTIONS, Map.of("firm", firmId), r -> new InteractionStep(
                r.get("episode").asString(""), r.get("stage").asString(""), r.get("at").isNull() ? 0L : r.get("at").asLong(),
                r.get("identified").asBoolean(false), r.get("initiatedBy").asString(""),
                r.get("satisfaction").isNull() ? null : r.get("satisfaction").asInt(),
                r.get("customer").asString(""), r.get("channel").asString("unknown")));
    }
}
