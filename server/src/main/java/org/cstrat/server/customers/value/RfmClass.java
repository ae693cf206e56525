package org.cstrat.server.customers.value;

/**
 * Named RFM classes, assigned from the recency (R), frequency (F) and monetary (M) quintile scores by the first
 * rule that matches, in this order:
 * <ol>
 *   <li>{@link #CHAMPIONS}: R &ge; 4, F &ge; 4 and M &ge; 4 (bought recently, often, and spend much);</li>
 *   <li>{@link #LOYAL}: R &ge; 3 and F &ge; 4 (buy often, not lapsed);</li>
 *   <li>{@link #NEW}: R &ge; 4 and F &le; 2 (recent, few purchases);</li>
 *   <li>{@link #POTENTIAL}: R &ge; 3 (recent enough, middling frequency);</li>
 *   <li>{@link #AT_RISK}: F &ge; 4 (R &le; 2: used to buy often, not lately);</li>
 *   <li>{@link #HIBERNATING}: R = 2;</li>
 *   <li>{@link #LOST}: everything else (R = 1 and F &le; 3).</li>
 * </ol>
 * Every (R, F, M) combination falls in exactly one class. The rule is our simplified version of the R-by-F
 * segment grids common in marketing practice; change it here and only here.
 */
public enum RfmClass {
    CHAMPIONS("champions"),
    LOYAL("loyal"),
    NEW("new"),
    POTENTIAL("potential"),
    AT_RISK("at risk"),
    HIBERNATING("hibernating"),
    LOST("lost");

    private final String label;

    RfmClass(String label) {
        this.label = label;
    }

    /** Lower-case label for display, e.g. "at risk". */
    public String label() {
        return label;
    }

    /** The class of the scores (each 1..5) by the rules above. */
    public static RfmClass of(int r, int f, int m) {
        RfmScore.requireScore("r", r);
        RfmScore.requireScore("f", f);
        RfmScore.requireScore("m", m);
        if (r >= 4 && f >= 4 && m >= 4) {
            return CHAMPIONS;
        }
        if (r >= 3 && f >= 4) {
            return LOYAL;
        }
        if (r >= 4 && f <= 2) {
            return NEW;
        }
        if (r >= 3) {
            return POTENTIAL;
        }
        if (f >= 4) {
            return AT_RISK;
        }
        if (r == 2) {
            return HIBERNATING;
        }
        return LOST;
    }
}
