package org.cstrat.server.customers.imports;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * Validated content of one import for one firm, ready to write. Ids are already the graph's ids
 * (firm-scoped where the model needs it); see {@code cypher/README.md}, section "Importing customer data".
 */
public record ImportBatch(String firm, List<Channel> channels, List<Touchpoint> touchpoints, List<Actor> actors,
                          List<SourceRecord> records, List<Interaction> interactions) {

    public ImportBatch {
        Objects.requireNonNull(firm, "firm");
        channels = List.copyOf(channels);
        touchpoints = List.copyOf(touchpoints);
        actors = List.copyOf(actors);
        records = List.copyOf(records);
        interactions = List.copyOf(interactions);
    }

    public record Channel(String id, String name, String kind) {
    }

    /** {@code collectsFeedback}, {@code standingAuthorisation}: null when the file has no such column (kept as they are). */
    public record Touchpoint(String id, String name, String channel, String initiative, boolean momentOfTruth, Boolean collectsFeedback,
                             Boolean standingAuthorisation) {
    }

    public record Actor(String id, String name, String kind, String role) {
    }

    /** A normalised identifier of a source record; its graph id is {@code firm/kind/value}. */
    public record Identifier(String kind, String value) {
        public String id(String firm) {
            return firm + "/" + kind + "/" + value;
        }
    }

    /** One customer record in one source system; graph id {@code firm/system/recordId}. */
    public record SourceRecord(String id, String system, String recordId, String name, String city, LocalDate since,
                               List<Identifier> identifiers) {
        public SourceRecord {
            identifiers = List.copyOf(identifiers);
        }
    }

    /** One interaction; {@code record} is the graph id of its source record. */
    public record Interaction(String id, String record, String touchpoint, OffsetDateTime at, String stage, String episode,
                              Double amount, String initiatedBy, Integer satisfaction, boolean personalised) {
    }

    public static String recordId(String firm, String system, String recordId) {
        return firm + "/" + system + "/" + recordId;
    }

    public static String interactionId(String firm, String system, String interactionId) {
        return firm + "/" + system + "/" + interactionId;
    }
}
