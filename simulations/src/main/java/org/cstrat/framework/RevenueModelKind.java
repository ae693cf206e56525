package org.cstrat.framework;

import java.util.Optional;

/** How a connected firm bills (Connected Strategy, ch. 7), plus the ordinary baselines. */
public enum RevenueModelKind implements FrameworkTerm {
    FLAT_PRICE("flat_price", "Flat transaction price", "The same price per transaction for every customer."),
    PERSONALISED_PRICING("personalised_pricing", "Personalised pricing",
            "Price set on an indicator (quantity, loyalty, time, risk); it must not discriminate illegally."),
    OUTCOME_SHARING("outcome_sharing", "Sharing outcomes", "The firm takes a share of the value or savings it creates."),
    THIRD_PARTY_PAYS("third_party_pays", "Other actors pay",
            "Ecosystem actors pay for access to the customers; the customer pays little or nothing."),
    PAY_PER_USE("pay_per_use", "Charging for use", "The customer pays for the use made, not for ownership."),
    SUBSCRIPTION("subscription", "Subscription", "A fixed fee per period for access."),
    COMMISSION("commission", "Commission / matching fee", "A fee per match or transaction brokered between others.");

    private final Term term;

    RevenueModelKind(String id, String label, String description) {
        this.term = new Term(id, label, description);
    }

    @Override
    public Term term() { return term; }

    public static Optional<RevenueModelKind> fromId(String id) {
        return FrameworkTerm.byId(values(), id);
    }
}
