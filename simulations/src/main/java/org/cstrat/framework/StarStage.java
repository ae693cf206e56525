package org.cstrat.framework;

import java.util.Optional;

/** The STAR technology stack: Sense, Transmit, Analyze, React. */
public enum StarStage implements FrameworkTerm {
    SENSE("sense", "Sense", "Capture data on the customer, the need or the product in use."),
    TRANSMIT("transmit", "Transmit", "Move that data between customer, devices and firm."),
    ANALYZE("analyze", "Analyze", "Turn data into a decision: who, what, when, at what price."),
    REACT("react", "React", "Act on the decision: deliver, nudge, adjust, execute.");

    private final Term term;

    StarStage(String id, String label, String description) {
        this.term = new Term(id, label, description);
    }

    @Override
    public Term term() { return term; }

    public static Optional<StarStage> fromId(String id) {
        return FrameworkTerm.byId(values(), id);
    }
}
