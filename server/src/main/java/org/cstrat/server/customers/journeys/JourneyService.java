package org.cstrat.server.customers.journeys;

import java.util.Objects;

import org.cstrat.server.core.NotFoundException;
import org.cstrat.server.neo4j.GraphChanges;

/** A firm's journeys and moments of truth, read from the unified view through a {@link JourneyRepository}. */
public final class JourneyService {

    private final JourneyRepository journeys;
    private final GraphChanges changes;

    public JourneyService(JourneyRepository journeys) {
        this(journeys, new GraphChanges());
    }

    /** {@code changes} moves on after a touchpoint is tagged (a touchpoint is evidence the matrix is placed from). */
    public JourneyService(JourneyRepository journeys, GraphChanges changes) {
        this.journeys = Objects.requireNonNull(journeys, "journeys");
        this.changes = Objects.requireNonNull(changes, "changes");
    }

    public JourneyMap journeys(String firm) {
        return JourneyMap.of(journeys.touchpoints(firm), journeys.paths(firm));
    }

    /** Tags a touchpoint of the firm as a moment of truth, or removes the tag. */
    public void tagMomentOfTruth(String firm, String touchpoint, boolean moment) {
        boolean found;
        try {
            found = journeys.setMomentOfTruth(firm, touchpoint, moment);
        } finally {
            changes.changed();
        }
        if (!found) {
            throw new NotFoundException("touchpoint of firm " + firm, touchpoint);
        }
    }
}
