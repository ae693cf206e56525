package org.cstrat.framework;

import java.util.Arrays;
import java.util.Optional;

/** The STAR technology stack: Sense, Transmit, Analyze, React. */
public enum StarStage {
    SENSE("sense", "Sense", "Capture data on the customer, the need or the product in use."),
    TRANSMIT("transmit", "Transmit", "Move that data between customer, devices and firm."),
    ANALYZE("analyze", "Analyze", "Turn data into a decision: who, what, when, at what price."),
    REACT("react", "React", "Act on the decision: deliver, nudge, adjust, execute.");

    private final String id;
    private final String label;
    private final String description;

    StarStage(String id, String label, String description) {
        this.id = id;
        this.label = label;
        this.description = description;
    }

    public String id() { return id; }

    public String label() { return label; }

    public String description() { return description; }

    public static Optional<StarStage> fromId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }
}
