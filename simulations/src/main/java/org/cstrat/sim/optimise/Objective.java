package org.cstrat.sim.optimise;

import java.util.Locale;
import org.cstrat.sim.model.Checks;

/**
 * What the optimiser maximises: a statistic of an output over replications.
 *
 * @param output {@link Output#NPV} (the strategy's net present value) or {@link Output#CLV} (customer lifetime
 *        value: the discounted margin per customer of {@code segment}, or of all segments when it is null)
 * @param statistic {@link Statistic#MEAN} or {@link Statistic#QUANTILE} (e.g. P5, a downside measure)
 * @param quantile the quantile in (0, 1) for {@link Statistic#QUANTILE}; NaN for the mean
 * @param segment the segment of a CLV objective, or null for all segments together
 */
public record Objective(Output output, Statistic statistic, double quantile, String segment) {
    /** The output measured per replication. */
    public enum Output { NPV, CLV }

    /** The statistic over replications. */
    public enum Statistic { MEAN, QUANTILE }

    /** Mean NPV, the default. */
    public static final Objective MEAN_NPV = new Objective(Output.NPV, Statistic.MEAN, Double.NaN, null);

    public Objective {
        Checks.present("objective.output", output);
        Checks.present("objective.statistic", statistic);
        if (statistic == Statistic.QUANTILE) {
            if (!(quantile > 0 && quantile < 1)) {
                throw new IllegalArgumentException("objective.quantile must be in (0, 1), was " + quantile);
            }
        } else {
            quantile = Double.NaN;
        }
        if (segment != null && output != Output.CLV) {
            throw new IllegalArgumentException("objective.segment applies to the clv output only, was " + segment);
        }
    }

    /** E.g. "mean NPV", "P5 of NPV", "mean CLV (commuters)". */
    public String label() {
        String what = output.name() + (segment == null ? "" : " (" + segment + ")");
        if (statistic == Statistic.MEAN) {
            return "mean " + what;
        }
        double pct = quantile * 100;
        String p = pct == Math.rint(pct) ? Long.toString((long) pct) : String.format(Locale.ROOT, "%.1f", pct);
        return "P" + p + " of " + what;
    }
}
