package org.cstrat.server.customers.value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Recency-frequency-monetary quintile scores (Hughes 1994, <i>Strategic Database Marketing</i>).
 *
 * <p>Rule: a customer's score on a measure is {@code 1 + floor(5 * share)}, capped at 5, where {@code share} is
 * the fraction of all customers who are strictly worse on that measure (for recency: strictly more weeks since
 * the last purchase; for frequency and monetary: strictly lower). Tied customers therefore always share a score
 * and the result does not depend on the input order; with heavy ties (e.g. most customers never repeat) some
 * scores stay empty rather than splitting equal customers arbitrarily. Measures:
 * recency = weeks since the last purchase, frequency = purchase days (first included), monetary = mean spend per
 * purchase day (first included), all in the calibration period.
 */
public final class Rfm {

    private Rfm() {
    }

    /** Scores every customer; output in input order. */
    public static List<RfmScore> score(List<CustomerSummary> summaries) {
        int n = summaries.size();
        double[] recency = new double[n];
        double[] frequency = new double[n];
        double[] monetary = new double[n];
        for (int i = 0; i < n; i++) {
            CustomerSummary s = summaries.get(i);
            recency[i] = -s.weeksSinceLastPurchase(); // negated: higher is better for all three
            frequency[i] = s.x() + 1;
            monetary[i] = s.meanSpendPerPurchaseDay();
        }
        int[] r = quintiles(recency);
        int[] f = quintiles(frequency);
        int[] m = quintiles(monetary);
        List<RfmScore> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            CustomerSummary s = summaries.get(i);
            out.add(new RfmScore(s.customerId(), s.weeksSinceLastPurchase(), s.x() + 1, monetary[i], r[i], f[i], m[i],
                    RfmClass.of(r[i], f[i], m[i])));
        }
        return List.copyOf(out);
    }

    /** Score 1..5 from the share of values strictly below each value (higher values score higher). */
    static int[] quintiles(double[] values) {
        int n = values.length;
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int[] scores = new int[n];
        for (int i = 0; i < n; i++) {
            int below = lowerBound(sorted, values[i]);
            scores[i] = Math.min(5, 1 + (int) Math.floor(5.0 * below / n));
        }
        return scores;
    }

    /** Number of elements of the sorted array strictly less than {@code v}. */
    private static int lowerBound(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
