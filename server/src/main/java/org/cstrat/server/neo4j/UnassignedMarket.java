package org.cstrat.server.neo4j;

import java.util.Map;

/**
 * The market of firms that compete in no other: a firm created by a customer-data import without a market, or
 * one found without any market when the workbench starts ({@code bootstrap/place_orphan_firms.cypher}). It is an
 * ordinary {@code (:Market)} node, created when first needed, listed on the home page like any market; it does
 * not count as a market when the workbench decides whether to load the demo.
 */
public final class UnassignedMarket {

    public static final String ID = "unassigned";
    public static final String NAME = "Unassigned";
    public static final String DESCRIPTION = "Firms not yet placed in a market: created by a customer-data import without "
            + "--market, or found without a market. Import again with --market ID to place one.";

    private UnassignedMarket() {
    }

    /** The parameters the queries that may create it take: {@code unassigned}, {@code unassignedName}, {@code unassignedDescription}. */
    public static Map<String, Object> parameters() {
        return Map.of("unassigned", ID, "unassignedName", NAME, "unassignedDescription", DESCRIPTION);
    }
}
