package org.cstrat.server.customers.imports;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/** What validation needs to know of the graph as it is before the import: references not defined in the files. */
public interface ImportLookup {

    /** Ids of the channels the graph already holds. */
    Set<String> channels();

    /** For each of these touchpoint ids that exists, the id of the firm operating it ({@code ""} if none). */
    Map<String, String> touchpointOwners(Collection<String> touchpointIds);

    /** Which of these source-record graph ids already exist. */
    Set<String> existingRecords(Collection<String> recordIds);

    /** A lookup of an empty graph, for tests and dry runs. */
    ImportLookup EMPTY = new ImportLookup() {
        @Override
        public Set<String> channels() {
            return Set.of();
        }

        @Override
        public Map<String, String> touchpointOwners(Collection<String> touchpointIds) {
            return Map.of();
        }

        @Override
        public Set<String> existingRecords(Collection<String> recordIds) {
            return Set.of();
        }
    };
}
