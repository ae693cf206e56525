package org.cstrat.server.customers.identity;

import java.util.Optional;

/** The graph side of identity resolution: a firm's unified view, its resolution and the exclusions that steer it. */
public interface IdentityStore extends FirmDirectory {

    /** What a resolution changed: customers after it, customers new or changed, records moved, customers removed. */
    record Outcome(int customers, int changedCustomers, int movedRecords, int removedCustomers) {
    }

    /** The firm's display name; empty when there is no such firm. */
    @Override
    Optional<String> firmName(String firm);

    /** The firm's unified customers, at most {@code maxPerKind} examples of each kind. */
    UnifiedView view(String firm, String firmName, int maxPerKind);

    /** Re-resolves the firm's source records into unified customers. */
    Outcome resolve(String firm);

    /**
     * Sets or clears the {@code excluded} flag of links to an identifier (of one record, or of every record when
     * {@code record} is null), then re-resolves, all at once; returns how many links it touched.
     */
    long setExcluded(String firm, String identifier, String record, boolean excluded);
}
