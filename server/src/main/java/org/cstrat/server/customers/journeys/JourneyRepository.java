package org.cstrat.server.customers.journeys;

import java.util.List;

/** The graph side of a firm's journeys: what {@link JourneyService} reads and the one thing it writes. */
public interface JourneyRepository {

    /** The firm's touchpoints, each with whether it is tagged as a moment of truth. */
    List<JourneyMap.TouchpointInfo> touchpoints(String firm);

    /** The firm's customers' journeys, counted by their path of touchpoints and whether they ended in a purchase. */
    List<JourneyMap.PathCount> paths(String firm);

    /** Tags a touchpoint of the firm as a moment of truth, or removes the tag; false when the firm has no such touchpoint. */
    boolean setMomentOfTruth(String firm, String touchpoint, boolean moment);
}
