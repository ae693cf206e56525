package org.cstrat.server.customers.identity;

import org.cstrat.server.core.InvalidRequestException;
import org.cstrat.server.core.NotFoundException;

/**
 * One unified view of a firm's customers: the report (coverage, silos, over-merged components) and the
 * reversible corrections: unmerge a wrong link (or every link of an identifier) and re-link it, each
 * followed by a re-resolution in the same transaction.
 */
public final class IdentityService {

    /** More identifiers than this of one kind in one unified customer is reported as a probable over-merge. */
    public static final int MAX_PER_KIND_DEFAULT = 3;

    private final IdentityStore store;

    public IdentityService(IdentityStore store) {
        this.store = store;
    }

    public String firmName(String firm) {
        return store.firmName(firm).orElseThrow(() -> new NotFoundException("firm", firm));
    }

    /** The firm's name, or its id for a firm an import has not created yet. */
    public String firmLabel(String firm) {
        return store.firmName(firm).orElse(firm);
    }

    public UnifiedView view(String firm) {
        return store.view(firm, firmName(firm), MAX_PER_KIND_DEFAULT);
    }

    /** What a correction did: links changed, then the re-resolution's outcome. */
    public record Correction(String firm, String identifier, String record, boolean excluded, long links) {
    }

    /**
     * Unmerges: the links between {@code identifier} and {@code record} (or every record, when null) no
     * longer count for identity resolution; resolution runs again.
     *
     * @throws NotFoundException when the firm or the link does not exist
     */
    public Correction unmerge(String firm, String identifier, String record) {
        return set(firm, identifier, record, true);
    }

    /** Undoes {@link #unmerge}. */
    public Correction relink(String firm, String identifier, String record) {
        return set(firm, identifier, record, false);
    }

    private Correction set(String firm, String identifier, String record, boolean excluded) {
        firmName(firm);
        if (identifier == null || identifier.isBlank()) {
            throw new InvalidRequestException("identifier is required");
        }
        long links = store.setExcluded(firm, identifier, record == null || record.isBlank() ? null : record, excluded);
        if (links == 0) {
            throw new NotFoundException("identifier link", identifier + (record == null ? "" : " of record " + record));
        }
        return new Correction(firm, identifier, record, excluded, links);
    }
}
