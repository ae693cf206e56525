package org.cstrat.server.customers.segments;

import java.util.List;
import java.util.Objects;

/**
 * What one customer did with one firm, the input of segmentation.
 *
 * @param recencyDays   days from the customer's last interaction to the firm's last interaction
 * @param purchases     episodes with a paid response (amount &gt; 0)
 * @param meanSpend     mean amount per purchase (0 without purchases)
 * @param channelMix    share of the customer's interactions per channel kind, in the order of {@link #CHANNEL_KINDS}
 * @param offerResponse share of the customer's personalised episodes (firm-initiated or flagged personalised)
 *                      that ended in a purchase; 0 when none was personalised
 */
public record BehaviourFeatures(String customer, double recencyDays, double purchases, double meanSpend,
                                List<Double> channelMix, double offerResponse) {

    public static final List<String> CHANNEL_KINDS = List.of("digital", "voice", "physical", "device");

    public BehaviourFeatures {
        Objects.requireNonNull(customer, "customer");
        channelMix = List.copyOf(channelMix);
        if (channelMix.size() != CHANNEL_KINDS.size()) {
            throw new IllegalArgumentException("channelMix needs " + CHANNEL_KINDS.size() + " shares, got " + channelMix.size());
        }
    }

    /** The vector clustered, before standardisation: frequency and spend on a log scale (both are skewed). */
    public double[] vector() {
        double[] v = new double[4 + CHANNEL_KINDS.size()];
        v[0] = recencyDays;
        v[1] = Math.log1p(purchases);
        v[2] = Math.log1p(meanSpend);
        for (int i = 0; i < CHANNEL_KINDS.size(); i++) {
            v[3 + i] = channelMix.get(i);
        }
        v[3 + CHANNEL_KINDS.size()] = offerResponse;
        return v;
    }
}
