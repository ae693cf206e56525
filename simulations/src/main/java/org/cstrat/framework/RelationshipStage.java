package org.cstrat.framework;

import java.util.Arrays;
import java.util.Optional;

/** The 4 Rs of a connected relationship: each episode runs Recognize, Request, Respond, Repeat. */
public enum RelationshipStage {
    RECOGNIZE("recognize", "Recognize", "A need arises and is recognised, by the customer or by the firm."),
    REQUEST("request", "Request", "The need is turned into a request for a product or service."),
    RESPOND("respond", "Respond", "The firm responds: it delivers, and the customer experiences the fit."),
    REPEAT("repeat", "Repeat", "The firm learns from the episode and the customer comes back.");

    private final String id;
    private final String label;
    private final String description;

    RelationshipStage(String id, String label, String description) {
        this.id = id;
        this.label = label;
        this.description = description;
    }

    public String id() { return id; }

    public String label() { return label; }

    public String description() { return description; }

    public static Optional<RelationshipStage> fromId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }
}
