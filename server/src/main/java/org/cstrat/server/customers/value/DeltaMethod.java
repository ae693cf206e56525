package org.cstrat.server.customers.value;

import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * Standard error of a smooth function of maximum-likelihood estimates by the delta method:
 * {@code se(g(θ̂)) = sqrt(∇g(θ̂)ᵀ Σ ∇g(θ̂))}, with {@code Σ} the asymptotic covariance of {@code θ̂}
 * (Casella &amp; Berger 2002, <i>Statistical Inference</i>, theorem 5.5.24). The gradient is taken by
 * central differences with step {@value #RELATIVE_STEP} times the parameter's magnitude (error of order
 * step²), so {@code g} is evaluated {@code 2n} times. Used to carry the fitted models' uncertainty into
 * derived quantities such as a segment's mean P(alive).
 */
public final class DeltaMethod {

    /** Central-difference step relative to the parameter's magnitude. */
    static final double RELATIVE_STEP = 1e-5;

    private DeltaMethod() {
    }

    /**
     * @param g          the function of the parameters, in the covariance's order
     * @param at         the estimates
     * @param covariance their asymptotic covariance
     * @return the standard error of {@code g(at)}; NaN when {@code g} is not finite around {@code at}
     */
    public static double standardError(ToDoubleFunction<double[]> g, double[] at, CovarianceMatrix covariance) {
        Objects.requireNonNull(covariance, "covariance");
        if (at.length != covariance.size()) {
            throw new IllegalArgumentException("at has " + at.length + " parameters, the covariance " + covariance.size());
        }
        double[] gradient = gradient(g, at);
        double variance = 0;
        for (int i = 0; i < at.length; i++) {
            for (int j = 0; j < at.length; j++) {
                variance += gradient[i] * covariance.get(i, j) * gradient[j];
            }
        }
        return Double.isFinite(variance) ? Math.sqrt(Math.max(0, variance)) : Double.NaN;
    }

    /** The gradient of {@code g} at {@code at} by central differences. */
    public static double[] gradient(ToDoubleFunction<double[]> g, double[] at) {
        double[] gradient = new double[at.length];
        for (int i = 0; i < at.length; i++) {
            double h = RELATIVE_STEP * Math.max(Math.abs(at[i]), RELATIVE_STEP);
            double[] up = at.clone();
            double[] down = at.clone();
            up[i] += h;
            down[i] -= h;
            gradient[i] = (g.applyAsDouble(up) - g.applyAsDouble(down)) / (up[i] - down[i]);
        }
        return gradient;
    }
}
