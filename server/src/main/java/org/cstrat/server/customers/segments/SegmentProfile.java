package org.cstrat.server.customers.segments;

import java.time.OffsetDateTime;

/**
 * An emergent segment as stored in a {@code (:Segment)} node: its size and the mean behaviour of its members.
 *
 * @param rank        1 for the largest segment
 * @param k           number of segments found for the firm (chosen by silhouette)
 * @param silhouette  mean silhouette of that segmentation, in [-1, 1]
 */
public record SegmentProfile(String id, String firm, String name, int rank, long customers, double share, int k, double silhouette,
                             double recencyDays, double purchases, double meanSpend, double digitalShare, double voiceShare,
                             double physicalShare, double deviceShare, double offerResponse, OffsetDateTime computedAt) {
}
