package org.cstrat.server.customers.journeys;

import java.util.Objects;

import org.cstrat.server.core.NotFoundException;
import org.cstrat.server.customers.identity.FirmDirectory;
import org.cstrat.server.neo4j.GraphChanges;

/** A firm's journeys and moments of truth, read from the unified view through a {@link JourneyRepository}. */
public final class JourneyService {

    private final JourneyRepository journeys;
    private final FirmDirectory firms;
    private final GraphChanges changes;

    public JourneyService(JourneyRepository journeys, FirmDirectory firms) {
        this(journeys, firms, new GraphChanges());
    }

    /** {@code changes} moves on after a touchpoint is tagged (a touchpoint is evidence the matrix is placed from). */
    public JourneyService(JourneyRepository journeys, FirmDirectory firms, GraphChanges changes) {
        this.journeys = Objects.requireNonNull(journeys, "journeys");
        this.firms = Objects.requireNonNull(firms, "firms");
        this.changes = Objects.requireNonNull(changes, "changes");
    }

    /** The firm's journey map. @throws NotFoundException when there is no such firm */
    public JourneyMap journeys(String firm) {
        firms.require(firm);
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
