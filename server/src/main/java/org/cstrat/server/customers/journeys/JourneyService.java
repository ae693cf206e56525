package org.cstrat.server.customers.journeys;

import java.util.List;
import java.util.Map;

import org.cstrat.server.core.NotFoundException;
import org.cstrat.server.neo4j.CypherFiles;
import org.cstrat.server.neo4j.GraphChanges;
import org.cstrat.server.neo4j.Reads;
import org.neo4j.driver.Driver;

/** A firm's journeys and moments of truth, read from the unified view; Cypher in {@code customers/journey_*}. */
public final class JourneyService {

    private static final String PATHS = CypherFiles.query("customers/journey_paths");
    private static final String TOUCHPOINTS = CypherFiles.query("customers/journey_touchpoints");
    private static final String SET_MOMENT = CypherFiles.query("customers/touchpoint_set_moment");

    private final Driver driver;
    private final Reads reads;
    private final GraphChanges changes;

    public JourneyService(Driver driver) {
        this(driver, new GraphChanges());
    }

    /** {@code changes} moves on after a touchpoint is tagged (a touchpoint is evidence the matrix is placed from). */
    public JourneyService(Driver driver, GraphChanges changes) {
        this.driver = driver;
        this.reads = new Reads(driver);
        this.changes = changes;
    }

    public JourneyMap journeys(String firm) {
        List<JourneyMap.TouchpointInfo> touchpoints = reads.list(TOUCHPOINTS, Map.of("firm", firm), r -> new JourneyMap.TouchpointInfo(
                r.get("id").asString(), r.get("name").asString(), r.get("channel").asString(null), r.get("kind").asString(null),
                r.get("momentOfTruth").asBoolean()));
        List<JourneyMap.PathCount> paths = reads.list(PATHS, Map.of("firm", firm), r -> new JourneyMap.PathCount(
                r.get("path").asList(v -> v.asString()), r.get("bought").asBoolean(), r.get("journeys").asLong()));
        return JourneyMap.of(touchpoints, paths);
    }

    /** Tags a touchpoint of the firm as a moment of truth, or removes the tag. */
    public void tagMomentOfTruth(String firm, String touchpoint, boolean moment) {
        boolean found;
        try {
            found = !driver.executableQuery(SET_MOMENT)
                    .withParameters(Map.of("firm", firm, "touchpoint", touchpoint, "moment", moment)).execute().records().isEmpty();
        } finally {
            changes.changed();
        }
        if (!found) {
            throw new NotFoundException("touchpoint of firm " + firm, touchpoint);
        }
    }
}
