package org.cstrat.server.simulation;

/**
 * A mean of observations grouped by customer, {@code R = Σy / Σk} (y a customer's total, k her number of
 * observations), with its standard error taking customers, not observations, as the independent units
 * (the ratio estimator, Cochran 1977, <i>Sampling Techniques</i>, section 6.4):
 * {@code se² = n / (n − 1) · Σ(y_c − R k_c)² / (Σk)²}, n the customers with at least one observation.
 * A customer's repeated purchases are alike, so this is wider than {@code s / √(Σk)}.
 *
 * @param units customers with at least one observation
 * @param y     Σ y_c
 * @param k     Σ k_c
 * @param yy    Σ y_c²
 * @param yk    Σ y_c k_c
 * @param kk    Σ k_c²
 */
public record RatioMean(long units, double y, double k, double yy, double yk, double kk) {

    /** R; NaN without observations. */
    public double mean() {
        return k > 0 ? y / k : Double.NaN;
    }

    /** The standard error of R; NaN with fewer than two customers. */
    public double standardError() {
        if (units < 2 || !(k > 0)) {
            return Double.NaN;
        }
        double r = y / k;
        double residuals = Math.max(0, yy - 2 * r * yk + r * r * kk);
        return Math.sqrt(units / (units - 1.0) * residuals) / k;
    }
}
