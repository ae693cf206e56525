package org.cstrat.framework;

import java.util.Optional;

/**
 * The four connected customer experiences: the rows of the connected-strategy matrix
 * (Siggelkow &amp; Terwiesch, <i>Connected Strategy</i>, ch. 3). Ordered from the customer
 * doing most of the work to the firm doing it all.
 */
public enum Experience implements FrameworkTerm {
    RESPOND_TO_DESIRE("respond_to_desire", "Respond to desire",
            "The customer knows what she wants and requests it; the firm responds quickly and smoothly."),
    CURATED_OFFERING("curated_offering", "Curated offering",
            "The firm narrows the options to a tailored menu before the customer chooses."),
    COACH_BEHAVIOR("coach_behavior", "Coach behavior",
            "The firm reminds and nudges the customer towards her own goal."),
    AUTOMATIC_EXECUTION("automatic_execution", "Automatic execution",
            "With a standing authorisation the firm senses the need and acts before the customer asks.");

    private final Term term;

    Experience(String id, String label, String description) {
        this.term = new Term(id, label, description);
    }

    @Override
    public Term term() { return term; }

    /** Position in the matrix, 1 (top row) to 4. */
    public int rank() { return ordinal() + 1; }

    public static Optional<Experience> fromId(String id) {
        return FrameworkTerm.byId(values(), id);
    }
}
