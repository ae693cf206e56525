package org.cstrat.server.customers.journeys;

import java.util.List;
import java.util.Map;

import org.cstrat.server.neo4j.CypherFiles;
import org.cstrat.server.neo4j.Reads;
import org.neo4j.driver.Driver;

/** {@link JourneyRepository} through the Driver; Cypher in {@code customers/journey_*} and {@code customers/touchpoint_set_moment}. */
public final class Neo4jJourneyRepository implements JourneyRepository {

    private static final String PATHS = CypherFiles.query("customers/journey_paths");
    private static final String TOUCHPOINTS = CypherFiles.query("customers/journey_touchpoints");
    private static final String SET_MOMENT = CypherFiles.query("customers/touchpoint_set_moment");

    private final Driver driver;
    private final Reads reads;

    public Neo4jJourneyRepository(Driver driver) {
        this.driver = driver;
        this.reads = new Reads(driver);
    }

    @Override
    public List<JourneyMap.TouchpointInfo> touchpoints(String firm) {
        return reads.list(TOUCHPOINTS, Map.of("firm", firm), r -> new JourneyMap.TouchpointInfo(
                r.get("id").asString(), r.get("name").asString(), r.get("channel").asString(null), r.get("kind").asString(null),
                r.get("momentOfTruth").asBoolean()));
    }

    @Override
    public List<JourneyMap.PathCount> paths(String firm) {
        return reads.list(PATHS, Map.of("firm", firm), r -> new JourneyMap.PathCount(
                r.get("path").asList(v -> v.asString()), r.get("bought").asBoolean(), r.get("journeys").asLong()));
    }

    @Override
    public boolean setMomentOfTruth(String firm, String touchpoint, boolean moment) {
        return !driver.executableQuery(SET_MOMENT)
                .withParameters(Map.of("firm", firm, "touchpoint", touchpoint, "moment", moment)).execute().records().isEmpty();
    }
}
