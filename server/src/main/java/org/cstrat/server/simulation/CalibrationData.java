package org.cstrat.server.simulation;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.cstrat.framework.StarStage;

/**
 * What the graph holds about a firm that a simulation can be calibrated from.
 *
 * @param technologies number of the firm's technologies at each STAR stage
 * @param segments     observed behaviour per customer segment
 */
public record CalibrationData(String firmId, Map<StarStage, Integer> technologies, List<SegmentData> segments) {

    public CalibrationData {
        Objects.requireNonNull(firmId, "firmId");
        technologies = Map.copyOf(technologies);
        segments = List.copyOf(segments);
    }

    /**
     * One segment's observations.
     *
     * @param months             length of the observation window (first to last interaction), in months, at least 1
     * @param meanSpend          mean amount of a respond step (currency); NaN when none
     * @param meanSatisfaction   mean satisfaction score 1-5; NaN when none
     */
    public record SegmentData(String name, int customers, long requests, long identifiedRequests, long firmInitiated,
                              double months, double meanSpend, double meanSatisfaction) {
    }
}
