package org.cstrat.sim.model;

/**
 * A parameter whose value is uncertain: each replication draws it from a uniform or triangular
 * distribution on [low, high] (mode for triangular). All strategies of a replication share the draw.
 */
public record UncertainParameter(
        @Param(value = "numeric parameter path, e.g. segments[commuters].willingnessToPay", required = true)
        String parameter,
        @Param(value = "uniform or triangular", required = true)
        Shape distribution,
        @Param(value = "lowest value", required = true)
        double low,
        @Param(value = "most likely value (triangular only; defaults to the middle)")
        double mode,
        @Param(value = "highest value", required = true)
        double high) {

    /** Distribution shape. */
    public enum Shape { UNIFORM, TRIANGULAR }

    public UncertainParameter {
        Checks.name("uncertainty.parameter", parameter);
        Checks.present("uncertainty[" + parameter + "].distribution", distribution);
        if (!(Double.isFinite(low) && Double.isFinite(high) && low <= high)) {
            throw new IllegalArgumentException("uncertainty[" + parameter + "]: need finite low <= high, was low=" + low + ", high=" + high);
        }
        if (Double.isNaN(mode)) {
            mode = (low + high) / 2;
        }
        if (!(mode >= low && mode <= high)) {
            throw new IllegalArgumentException("uncertainty[" + parameter + "].mode must be in [low, high], was " + mode);
        }
    }

    /** The value at quantile {@code u} in [0, 1): inverse distribution function. */
    public double quantile(double u) {
        if (distribution == Shape.UNIFORM || high == low) {
            return low + u * (high - low);
        }
        double width = high - low;
        double split = (mode - low) / width;
        if (u < split) {
            return low + Math.sqrt(u * width * (mode - low));
        }
        return high - Math.sqrt((1 - u) * width * (high - mode));
    }
}
