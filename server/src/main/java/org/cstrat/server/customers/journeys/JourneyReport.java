package org.cstrat.server.customers.journeys;

import java.util.List;

/**
 * What {@code GET /api/firms/{firmId}/journeys} answers: a {@link JourneyMap}'s figures, its touchpoints ({@link JourneyMap#nodes()}),
 * transitions, most frequent paths and drop-offs.
 */
public record JourneyReport(long journeys, long purchases, double conversion, List<JourneyMap.Node> touchpoints,
                            List<JourneyMap.Transition> transitions, List<JourneyMap.Path> topPaths, List<JourneyMap.Node> dropOffs) {

    public JourneyReport {
        touchpoints = List.copyOf(touchpoints);
        transitions = List.copyOf(transitions);
        topPaths = List.copyOf(topPaths);
        dropOffs = List.copyOf(dropOffs);
    }

    public static JourneyReport of(JourneyMap map) {
        return new JourneyReport(map.journeys(), map.purchases(), map.conversion(), map.nodes(), map.transitions(), map.topPaths(),
                map.dropOffs());
    }
}
