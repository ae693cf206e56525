package org.cstrat.server.customers.segments;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cstrat.server.core.UnprocessableException;
import org.cstrat.server.customers.identity.FirmDirectory;

/**
 * Finds a firm's emergent segments from its customers' behaviour ({@link SegmentFinder}) and stores them
 * as {@code (:Segment)} nodes with their profile, replacing the previous ones.
 */
public final class SegmentService {

    /** Fewer customers than this give no segmentation worth the name. */
    public static final int MIN_CUSTOMERS = 20;

    private static final String[] FEATURE_UP = {"lapsed", "frequent", "high spend", "digital", "phone", "in person", "device", "offer-responsive"};
    private static final String[] FEATURE_DOWN = {"recent", "occasional", "low spend", "non-digital", "no phone", "remote", "no device", "offer-averse"};

    private final SegmentStore store;
    private final FirmDirectory firms;

    public SegmentService(SegmentStore store, FirmDirectory firms) {
        this.store = java.util.Objects.requireNonNull(store, "store");
        this.firms = java.util.Objects.requireNonNull(firms, "firms");
    }

    /** The firm's stored segments. @throws org.cstrat.server.core.NotFoundException when there is no such firm */
    public List<SegmentProfile> segments(String firm) {
        firms.require(firm);
        return store.segments(firm);
    }

    /** Recomputes and stores the firm's segments. @throws org.cstrat.server.core.NotFoundException when there is no such firm */
    public List<SegmentProfile> recompute(String firm) {
        firms.require(firm);
        List<BehaviourFeatures> features = store.features(firm);
        if (features.size() < MIN_CUSTOMERS) {
            throw new NotEnoughDataException("firm '" + firm + "' has " + features.size() + " customers with interactions; segmentation needs at least " + MIN_CUSTOMERS);
        }
        SegmentFinder.Result result = SegmentFinder.find(features, SegmentFinder.SEED_DEFAULT);
        Map<String, BehaviourFeatures> byId = new LinkedHashMap<>();
        features.forEach(f -> byId.put(f.customer(), f));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        List<SegmentProfile> profiles = new ArrayList<>();
        Map<String, String> membership = new LinkedHashMap<>();
        int rank = 0;
        for (SegmentFinder.Cluster c : result.clusters()) {
            rank++;
            String id = firm + "-seg-" + rank;
            double n = c.customers().size();
            double recency = 0;
            double purchases = 0;
            double spend = 0;
            double spenders = 0;
            double[] mix = new double[BehaviourFeatures.CHANNEL_KINDS.size()];
            double offer = 0;
            for (String customer : c.customers()) {
                BehaviourFeatures f = byId.get(customer);
                recency += f.recencyDays() / n;
                purchases += f.purchases() / n;
                if (f.purchases() > 0) {
                    spend += f.meanSpend();
                    spenders++;
                }
                for (int i = 0; i < mix.length; i++) {
                    mix[i] += f.channelMix().get(i) / n;
                }
                offer += f.offerResponse() / n;
                membership.put(customer, id);
            }
            profiles.add(new SegmentProfile(id, firm, name(c.centroid()), rank, c.customers().size(), n / features.size(), result.k(),
                    result.silhouette(), recency, purchases, spenders == 0 ? 0 : spend / spenders, mix[0], mix[1], mix[2], mix[3], offer, now));
        }
        store.replace(firm, profiles, membership);
        return profiles;
    }

    /** A name from the two features in which the centroid stands out most (in standard deviations). */
    static String name(double[] centroid) {
        Integer first = null;
        Integer second = null;
        for (int i = 0; i < centroid.length; i++) {
            if (first == null || Math.abs(centroid[i]) > Math.abs(centroid[first])) {
                second = first;
                first = i;
            } else if (second == null || Math.abs(centroid[i]) > Math.abs(centroid[second])) {
                second = i;
            }
        }
        return word(centroid, first) + ", " + word(centroid, second);
    }

    private static String word(double[] centroid, int i) {
        return centroid[i] >= 0 ? FEATURE_UP[i] : FEATURE_DOWN[i];
    }

    /** Too few customers to segment. */
    public static final class NotEnoughDataException extends UnprocessableException {
        public NotEnoughDataException(String message) {
            super(message);
        }
    }
}
