package org.cstrat.sim.model;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Everything about the market and the firm that does not depend on the strategy chosen. */
public record ModelParameters(
        @Param(value = "number of periods simulated (months by convention)", unit = "periods", min = 1, max = 600)
        int periods,
        @Param(value = "discount rate per period; a cash flow in period t (0-based) is divided by (1 + r)^(t + 1), an acquisition at arrival in period t by (1 + r)^t; the investment is not discounted", unit = "1/period", min = 0, max = 1)
        double discountRate,
        @Param("coverage of the firm's STAR technology stack")
        StarCoverage star,
        @Param("behavioural coefficients of the 4 Rs")
        Behaviour behaviour,
        @Param("the firm's costs")
        Costs costs,
        @Param("customer segments (required in a self-contained scenario; merged by name over the firm's segments otherwise)")
        List<Segment> segments) {

    public ModelParameters {
        Checks.intRange("periods", periods, 1, 600);
        Checks.range("discountRate", discountRate, 0, 1);
        Checks.present("star", star);
        Checks.present("behaviour", behaviour);
        Checks.present("costs", costs);
        segments = Checks.nonEmptyCopy("segments", segments);
        Set<String> names = new HashSet<>();
        for (Segment s : segments) {
            if (!names.add(s.name())) {
                throw new IllegalArgumentException("segments: duplicate segment name, was " + s.name());
            }
        }
    }

    public static ModelParameters defaults() {
        return new ModelParameters(36, 0.008, StarCoverage.defaults(), Behaviour.defaults(), Costs.defaults(),
                List.of(Segment.defaults("typical")));
    }

    public ModelParameters withSegments(List<Segment> newSegments) {
        return new ModelParameters(periods, discountRate, star, behaviour, costs, newSegments);
    }

    /** Customers over the horizon, all segments. */
    public long totalCustomers() {
        return segments.stream().mapToLong(s -> s.customersOver(periods)).sum();
    }
}
