package org.cstrat.framework;

import java.util.Arrays;
import java.util.Optional;

/** How a connected firm bills (Connected Strategy, ch. 7), plus the ordinary baselines. */
public enum RevenueModelKind {
    FLAT_PRICE("flat_price", "Flat transaction price", "The same price per transaction for every customer."),
    PERSONALISED_PRICING("personalised_pricing", "Personalised pricing",
            "Price set on an indicator (quantity, loyalty, time, risk); it must not discriminate illegally."),
    OUTCOME_SHARING("outcome_sharing", "Sharing outcomes", "The firm takes a share of the value or savings it creates."),
    THIRD_PARTY_PAYS("third_party_pays", "Other actors pay",
            "Ecosystem actors pay for access to the customers; the customer pays little or nothing."),
    PAY_PER_USE("pay_per_use", "Charging for use", "The customer pays for the use made, not for ownership."),
    SUBSCRIPTION("subscription", "Subscription", "A fixed fee per period for access."),
    COMMISSION("commission", "Commission / matching fee", "A fee per match or transaction brokered between others.");

    private final String id;
    private final String label;
    private final String description;

    RevenueModelKind(String id, String label, String description) {
        this.id = id;
        this.label = label;
        this.description = description;
    }

    public String id() { return id; }

    public String label() { return label; }

    public String description() { return description; }

    public static Optional<RevenueModelKind> fromId(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
    }
}
