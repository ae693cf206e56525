package org.cstrat.sim.compare;

/**
 * One parameter's one-at-a-time swing.
 *
 * @param parameter path, prefixed {@code parameters.} or {@code strategy.}
 * @param npvAtLow mean NPV with the parameter at {@code lowValue}, everything else at base
 * @param npvAtHigh mean NPV with the parameter at {@code highValue}
 * @param range |npvAtHigh - npvAtLow|, the bar's length; bars are sorted by it, longest first
 */
public record TornadoBar(String parameter, String unit, double baseValue, double lowValue, double highValue,
                         double npvAtLow, double npvAtHigh, double npvAtLowStandardError, double npvAtHighStandardError,
                         double range) {
}
