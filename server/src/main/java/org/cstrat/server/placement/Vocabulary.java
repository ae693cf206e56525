package org.cstrat.server.placement;

import java.util.List;

/**
 * The graph's closed vocabularies outside the framework enums (which live in {@code org.cstrat.framework}):
 * the values the editing forms accept and {@code cypher/README.md} documents.
 */
public final class Vocabulary {

    /** {@code Touchpoint.initiative}: who starts the episodes a touchpoint supports. */
    public static final List<String> INITIATIVES = List.of(
            Initiative.CUSTOMER, Initiative.FIRM_CURATED, Initiative.FIRM_COACH, Initiative.FIRM_AUTOMATIC, Initiative.FIRM_NOTIFY);
    /** {@code Firm.status}. */
    public static final List<String> FIRM_STATUSES = List.of("active", "failed");
    /** {@code Firm.type}: what kind of player the firm is, the matrix page's filter. */
    public static final List<String> FIRM_TYPES = List.of("incumbent", "new_entrant", "corporate_venture");
    /** {@code Actor.kind}. */
    public static final List<String> ACTOR_KINDS = List.of("organisation", "crowd", "public_body");
    /** {@code HAS_ACTOR.role}. */
    public static final List<String> ACTOR_ROLES = List.of("producer", "supplier", "retailer", "distributor", "prescriber",
            "influencer", "advertiser", "partner", "crowd_supplier", "peer", "regulator");
    /** {@code Channel.kind}. */
    public static final List<String> CHANNEL_KINDS = List.of("digital", "voice", "physical", "device");
    /** {@code RevenueModel.payer}. */
    public static final List<String> PAYERS = List.of("customer", "actor");

    /** The values of {@code Touchpoint.initiative}. */
    public static final class Initiative {
        /** The customer requests: the basis of respond to desire. */
        public static final String CUSTOMER = "customer";
        /** The firm narrows the options to a tailored menu: curated offering. */
        public static final String FIRM_CURATED = "firm_curated";
        /** The firm reminds and nudges towards the customer's own goal: coach behavior. */
        public static final String FIRM_COACH = "firm_coach";
        /** The firm senses and acts before the customer asks: automatic execution (with a standing authorisation). */
        public static final String FIRM_AUTOMATIC = "firm_automatic";
        /** The firm only informs (receipts, ratings, "your car is ready"): no experience row of its own. */
        public static final String FIRM_NOTIFY = "firm_notify";

        private Initiative() {
        }
    }

    private Vocabulary() {
    }

    /** A label for a vocabulary id: {@code new_entrant} becomes {@code new entrant}. */
    public static String label(String id) {
        return id == null ? "" : id.replace('_', ' ');
    }
}
