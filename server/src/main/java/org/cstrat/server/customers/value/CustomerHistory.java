package org.cstrat.server.customers.value;

/**
 * The sufficient statistics of one customer for the BG/NBD and Gamma-Gamma models, in the notation of
 * Fader, Hardie &amp; Lee (2005) and Fader &amp; Hardie (2013, note 025). Time is in weeks.
 *
 * @param x    number of repeat transactions in the calibration period (the first purchase is not counted)
 * @param tx   time of the last repeat transaction, measured from the first purchase; 0 when {@code x == 0}
 * @param T    time from the first purchase to the end of the calibration period, {@code T >= tx}
 * @param zbar mean value of the repeat transactions; 0 when {@code x == 0}
 */
public record CustomerHistory(int x, double tx, double T, double zbar) {

    public CustomerHistory {
        if (x < 0) {
            throw new IllegalArgumentException("x must be >= 0, was " + x);
        }
        if (!Double.isFinite(tx) || tx < 0) {
            throw new IllegalArgumentException("tx must be finite and >= 0, was " + tx);
        }
        if (!Double.isFinite(T) || T < tx) {
            throw new IllegalArgumentException("T must be finite and >= tx (" + tx + "), was " + T);
        }
        if (!Double.isFinite(zbar) || zbar < 0) {
            throw new IllegalArgumentException("zbar must be finite and >= 0, was " + zbar);
        }
        if (x == 0 && tx != 0) {
            throw new IllegalArgumentException("tx must be 0 when x is 0, was " + tx);
        }
        if (x == 0 && zbar != 0) {
            throw new IllegalArgumentException("zbar must be 0 when x is 0, was " + zbar);
        }
    }
}
