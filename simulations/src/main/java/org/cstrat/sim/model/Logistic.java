package org.cstrat.sim.model;

/**
 * The logistic function σ(x) = 1 / (1 + e^−x), exact up to rounding.
 *
 * <p>The hot loop evaluates it without {@code exp} where the argument splits into a part known per
 * state-table slot and a part known per customer: with z = a − b, σ(z) = 1 / (1 + e^−a · e^b), so
 * one table entry e^−a and one per-customer factor e^b decide {@code u < σ(z)} with two
 * multiplications and an addition ({@link #weighFactors}); elsewhere {@link #weigh} decides it
 * without a division. {@link #factorsSafe} says when both factors and
 * their product stay finite and positive.
 */
public final class Logistic {
    /** Largest |exponent| of a factor: two factors multiply to at most e^600, far from overflow. */
    static final double FACTOR_EXPONENT_LIMIT = 300.0;

    private Logistic() {
    }

    /** σ(x); NaN gives 0 (the hot loop's comparisons must never see NaN). */
    public static double of(double x) {
        double p = 1.0 / (1.0 + Exp.exp(-x));
        return p == p ? p : 0.0;
    }

    /** Whether e^−a and e^b may be used as factors: both exponents within ±{@link #FACTOR_EXPONENT_LIMIT}. */
    static boolean factorsSafe(double a, double b) {
        return Math.abs(a) <= FACTOR_EXPONENT_LIMIT && Math.abs(b) <= FACTOR_EXPONENT_LIMIT;
    }

    /**
     * {@code u · (1 + e^−a · e^b)} from the factors {@code expMinusA} = e^−a and {@code expB} = e^b:
     * {@code u < σ(a − b)} exactly when this is below 1 (for a uniform {@code u} in [0, 1)), or below
     * 2^53 for a generator's 53-bit integer {@code u} (the scaling by a power of two is exact). No
     * division and no {@code exp}. Both factors must come from exponents for which
     * {@link #factorsSafe} holds, so every product here is finite.
     */
    static double weighFactors(double u, double expMinusA, double expB) {
        return u + u * (expMinusA * expB);
    }

    /**
     * {@code u · (1 + e^−z)} for a uniform {@code u ≥ 0}: {@code u < σ(z)} exactly when this is below 1
     * (2^53 for a generator's 53-bit integer), the comparison of {@link #of} without its division.
     * Never NaN: a NaN {@code z} gives +∞ (never accepted, as {@code of} gives 0), and
     * {@code u = 0} with e^−z = ∞ gives 0 (accepted, as 0 < σ(z) for every finite z).
     */
    static double weigh(double u, double z) {
        final double w = u + u * Exp.exp(-z);
        return w == w ? w : (z == z ? 0.0 : Double.POSITIVE_INFINITY);
    }
}
