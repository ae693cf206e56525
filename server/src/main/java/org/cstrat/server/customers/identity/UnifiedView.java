package org.cstrat.server.customers.identity;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How far a firm recognises its customers across silos.
 *
 * @param interactions          interactions through the firm's touchpoints
 * @param attached              of those, attached to a customer ({@code HAD})
 * @param covered               of those, attached to a customer seen in at least 2 of the firm's channels
 * @param customers             customers with at least one interaction with the firm
 * @param multichannelCustomers of those, seen in at least 2 channels
 * @param maxPerKind            a unified customer with more identifiers than this of one kind is reported as over-merged
 */
public record UnifiedView(String firm, String firmName, long interactions, long attached, long covered, long customers,
                          long multichannelCustomers, List<SystemLinks> systems, List<ChannelLinks> channels,
                          List<OverMerged> overMerged, List<ExcludedLink> excluded, int maxPerKind) {

    public UnifiedView {
        Objects.requireNonNull(firm, "firm");
        systems = List.copyOf(systems);
        channels = List.copyOf(channels);
        overMerged = List.copyOf(overMerged);
        excluded = List.copyOf(excluded);
    }

    /** Unified-view coverage: share of interactions attached to a customer seen in ≥ 2 channels (0 without interactions). */
    @JsonProperty
    public double coverage() {
        return interactions == 0 ? 0 : covered / (double) interactions;
    }

    /** Source systems that share no identifier with any other system (only when the firm has several). */
    @JsonProperty
    public List<String> siloSystems() {
        return systems.size() < 2 ? List.of() : systems.stream().filter(SystemLinks::silo).map(SystemLinks::system).toList();
    }

    /** Channels none of whose customers is seen on another channel (only when the firm has several). */
    @JsonProperty
    public List<String> siloChannels() {
        return channels.size() < 2 ? List.of() : channels.stream().filter(ChannelLinks::silo).map(ChannelLinks::channel).toList();
    }

    /** A source system: its records, how many are unified with a record of another system, and those systems. */
    public record SystemLinks(String system, long records, long linked, List<String> sharesWith) {
        public SystemLinks {
            sharesWith = List.copyOf(sharesWith);
        }

        @JsonProperty
        public boolean silo() {
            return sharesWith.isEmpty();
        }
    }

    /** A channel: customers seen there and how many of them also on another channel. */
    public record ChannelLinks(String channel, long customers, long shared) {
        @JsonProperty
        public boolean silo() {
            return shared == 0;
        }
    }

    /** A unified customer with too many identifiers of some kinds, with every identifier and how many records hold it. */
    public record OverMerged(String customer, long records, List<String> kinds, List<IdentifierUse> identifiers) {
        public OverMerged {
            kinds = List.copyOf(kinds);
            identifiers = List.copyOf(identifiers);
        }

        /** Identifiers held by several records: the links that made the merge, candidates to unmerge. */
        @JsonProperty
        public List<IdentifierUse> bridges() {
            return identifiers.stream().filter(i -> i.records() > 1)
                    .sorted(java.util.Comparator.comparingLong(IdentifierUse::records).reversed()).toList();
        }
    }

    public record IdentifierUse(String id, String kind, String value, long records) {
    }

    /** A link a consultant unmerged. */
    public record ExcludedLink(String record, String identifier, String kind, String value) {
    }
}
