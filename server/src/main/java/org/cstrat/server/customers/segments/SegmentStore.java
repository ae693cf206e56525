package org.cstrat.server.customers.segments;

import java.util.List;
import java.util.Map;

/** The graph side of segmentation: the customers' behaviour in, the segments and memberships out. */
public interface SegmentStore {

    /** Behaviour features of each of the firm's unified customers. */
    List<BehaviourFeatures> features(String firm);

    /** Replaces the firm's segments and every customer's membership ({@code segmentOfCustomer}: customer id to segment id), all or nothing. */
    void replace(String firm, List<SegmentProfile> segments, Map<String, String> segmentOfCustomer);

    /** The firm's stored segments. */
    List<SegmentProfile> segments(String firm);
}
