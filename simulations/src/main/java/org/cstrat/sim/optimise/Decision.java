package org.cstrat.sim.optimise;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cstrat.sim.model.Checks;

/**
 * A decision variable of an optimisation: a path into the scenario (as the tornado names them:
 * {@code strategy.billing.price}, {@code strategy.experience}, {@code parameters.costs.perEpisode}) and
 * what it may take. A {@link Continuous} decision ranges over [low, high] (integers are rounded); a
 * {@link Choice} takes one of a set of values (numbers, experiences, personalisation levels, pricing
 * indicators or whole billing models).
 */
public sealed interface Decision {
    /** Prefix of decisions on the optimised strategy. */
    String STRATEGY = "strategy.";
    /** Prefix of decisions on the model's parameters. */
    String PARAMETERS = "parameters.";

    String parameter();

    /** A numeric parameter searched over [low, high]; {@code integer} when the parameter is an integer. */
    record Continuous(String parameter, double low, double high, boolean integer) implements Decision {
        public Continuous {
            Checks.name("decision.parameter", parameter);
            if (!(Double.isFinite(low) && Double.isFinite(high) && low < high)) {
                throw new IllegalArgumentException("decision " + parameter + ": bounds must be finite with low < high, was ["
                        + low + ", " + high + "]");
            }
        }

        /** {@code x} in [0, 1] mapped onto [low, high] (rounded for an integer parameter). */
        public double at(double x) {
            double v = low + Math.min(1.0, Math.max(0.0, x)) * (high - low);
            return integer ? Math.rint(v) : v;
        }

        /** {@code v} mapped into [0, 1], clamped. */
        public double unit(double v) {
            return Math.min(1.0, Math.max(0.0, (v - low) / (high - low)));
        }
    }

    /** One of {@code values}; each value is a {@link Double}, an enum of the framework or a billing model. */
    record Choice(String parameter, List<Object> values) implements Decision {
        public Choice {
            Checks.name("decision.parameter", parameter);
            values = new ArrayList<>(Checks.nonEmptyCopy("decision " + parameter + ": values", values));
            Set<Object> seen = new HashSet<>();
            for (Object v : values) {
                if (!seen.add(v)) {
                    throw new IllegalArgumentException("decision " + parameter + ": values must be distinct, was " + v + " twice");
                }
            }
            values = List.copyOf(values);
        }
    }
}
