package org.cstrat.framework;

import java.util.Arrays;
import java.util.Optional;

/** The indicators a personalised price may legitimately depend on (Connected Strategy, ch. 7). */
public enum PricingIndicator {
    QUANTITY("quantity"), LOYALTY("loyalty"), TIME("time"), RISK("risk");

    private final String id;

    PricingIndicator(String id) { this.id = id; }

    public String id() { return id; }

    public static Optional<PricingIndicator> fromId(String id) {
        return Arrays.stream(values()).filter(i -> i.id.equals(id)).findFirst();
    }
}
