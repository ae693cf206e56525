package org.cstrat.sim.compare;

/**
 * One parameter's one-at-a-time swing.
 *
 * @param parameter path, prefixed {@code parameters.} or {@code strategy.}
 * @param npvAtLow mean NPV with the parameter at {@code lowValue}, everything else at base
 * @param npvAtHigh mean NPV with the parameter at {@code highValue}
 * @param range |npvAtHigh - npvAtLow|, the bar's length; bars are sorted by it, longest first
 * @param label the parameter's name for people ({@link org.cstrat.sim.model.ParameterPaths#label})
 * @param description what it means, from its {@code @Param} annotation (empty when it has none)
 */
public record TornadoBar(String parameter, String unit, double baseValue, double lowValue, double highValue,
                         double npvAtLow, double npvAtHigh, double npvAtLowStandardError, double npvAtHighStandardError,
                         double range, String label, String description) {
    public TornadoBar {
        label = label == null || label.isBlank() ? parameter : label;
        description = description == null ? "" : description;
    }
}
