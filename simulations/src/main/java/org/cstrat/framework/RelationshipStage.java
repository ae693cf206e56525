package org.cstrat.framework;

import java.util.Optional;

/** The 4 Rs of a connected relationship: each episode runs Recognize, Request, Respond, Repeat. */
public enum RelationshipStage implements FrameworkTerm {
    RECOGNIZE("recognize", "Recognize", "A need arises and is recognised, by the customer or by the firm."),
    REQUEST("request", "Request", "The need is turned into a request for a product or service."),
    RESPOND("respond", "Respond", "The firm responds: it delivers, and the customer experiences the fit."),
    REPEAT("repeat", "Repeat", "The firm learns from the episode and the customer comes back.");

    private final Term term;

    RelationshipStage(String id, String label, String description) {
        this.term = new Term(id, label, description);
    }

    @Override
    public Term term() { return term; }

    public static Optional<RelationshipStage> fromId(String id) {
        return FrameworkTerm.byId(values(), id);
    }
}
