package org.cstrat.framework;

import java.util.Arrays;
import java.util.Optional;

/** The four levels of personalisation a firm learns through Repeat (Connected Strategy, ch. 4). */
public enum PersonalisationLevel {
    UNIFIED(1, "Unified experience across episodes",
            "The customer is recognised as the same person across episodes and touchpoints."),
    PAST_INTERACTIONS(2, "Personalise on past interactions",
            "Responses use what the firm saw in this customer's earlier episodes."),
    FEEDBACK(3, "Use customer feedback",
            "The firm asks for and learns from the customer's feedback on its responses."),
    TRUSTED_PARTNER(4, "Trusted partner",
            "The customer trusts the firm to act on her behalf, sharing data and authority.");

    private final int level;
    private final String label;
    private final String description;

    PersonalisationLevel(int level, String label, String description) {
        this.level = level;
        this.label = label;
        this.description = description;
    }

    /** 1 to 4. */
    public int level() { return level; }

    public String label() { return label; }

    public String description() { return description; }

    public static Optional<PersonalisationLevel> of(int level) {
        return Arrays.stream(values()).filter(p -> p.level == level).findFirst();
    }
}
