package org.cstrat.sim.compare;

import java.util.List;

/**
 * A tornado chart: the base NPV and, per parameter, the NPV at its low and high values. Every
 * evaluation uses the same seed (common random numbers), so bars show the parameter's effect,
 * not noise; money in {@code currency} (ISO 4217). {@code skipped} lists parameters whose base value is 0 (a relative swing is empty).
 */
public record TornadoResult(String scenario, String strategy, double swing, int replications,
                            double baseNpv, double baseNpvStandardError, List<TornadoBar> bars, List<String> skipped,
                            String currency) {
    public TornadoResult {
        bars = List.copyOf(bars);
        skipped = List.copyOf(skipped);
    }
}
