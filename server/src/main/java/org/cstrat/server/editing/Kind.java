package org.cstrat.server.editing;

import java.util.Arrays;
import java.util.Optional;

/** The parts of a firm that are edited on their own, by their path segment under {@code /firms/{id}/}. */
public enum Kind {
    OFFERING("offerings", "offering"),
    TOUCHPOINT("touchpoints", "touchpoint"),
    TECHNOLOGY("technologies", "technology"),
    ACTOR("actors", "actor"),
    REVENUE_MODEL("revenue-models", "revenue model");

    private final String segment;
    private final String label;

    Kind(String segment, String label) {
        this.segment = segment;
        this.label = label;
    }

    public String segment() {
        return segment;
    }

    public String label() {
        return label;
    }

    public static Optional<Kind> fromSegment(String segment) {
        return Arrays.stream(values()).filter(k -> k.segment.equals(segment)).findFirst();
    }
}
