package org.cstrat.sim.optimise;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cstrat.framework.Experience;
import org.cstrat.framework.PersonalisationLevel;
import org.cstrat.framework.PricingIndicator;
import org.cstrat.sim.model.BillingModel;
import org.cstrat.sim.model.ModelParameters;
import org.cstrat.sim.model.ParameterPaths;
import org.cstrat.sim.model.ParameterPaths.NumericParameter;
import org.cstrat.sim.model.Scenario;
import org.cstrat.sim.model.Strategy;

/**
 * Where decisions point and how a set of decision values is applied to a scenario's parameters and its current
 * strategy. Stateless.
 */
public final class Decisions {
    /** Discrete (non-numeric) decision paths on the strategy. */
    public static final String EXPERIENCE = "strategy.experience";
    public static final String LEVEL = "strategy.personalisationLevel";
    public static final String BILLING = "strategy.billing";
    public static final String INDICATOR = "strategy.billing.indicator";
    public static final List<String> DISCRETE_PATHS = List.of(EXPERIENCE, LEVEL, BILLING, INDICATOR);

    private Decisions() {
    }

    /** The numeric parameter at {@code path} ({@code strategy.…} or {@code parameters.…}), or an exception naming it. */
    public static NumericParameter numeric(Scenario scenario, Strategy current, String path) {
        if (path.startsWith(Decision.STRATEGY)) {
            String rest = path.substring(Decision.STRATEGY.length());
            if (!rest.equals("name")) {
                for (NumericParameter p : ParameterPaths.numeric(current)) {
                    if (p.path().equals(rest)) {
                        return p;
                    }
                }
            }
        } else if (path.startsWith(Decision.PARAMETERS)) {
            for (NumericParameter p : ParameterPaths.numeric(scenario.parameters())) {
                if (p.path().equals(path.substring(Decision.PARAMETERS.length()))) {
                    return p;
                }
            }
        }
        throw new IllegalArgumentException("no numeric parameter " + path + " in strategy '" + current.name()
                + "' or the model; numeric paths are those of the tornado, e.g. strategy.billing.price, "
                + "strategy.investment, parameters.costs.perEpisode, or one of " + DISCRETE_PATHS + " with a set of values");
    }

    /** The current strategy's value of decision {@code d} (a Double for numeric paths). */
    public static Object currentValue(Scenario scenario, Strategy current, Decision d) {
        return switch (d.parameter()) {
            case EXPERIENCE -> current.experience();
            case LEVEL -> current.personalisationLevel();
            case BILLING -> current.billing();
            case INDICATOR -> current.billing() instanceof BillingModel.PersonalisedPricing pp ? pp.indicator() : null;
            default -> numeric(scenario, current, d.parameter()).value();
        };
    }

    /** The parameters and strategy with {@code values} (one per decision, in order) applied. */
    public static Applied apply(Scenario scenario, Strategy current, List<Decision> decisions, List<Object> values, String name) {
        if (values.size() != decisions.size()) {
            throw new IllegalArgumentException("values must have one entry per decision, was " + values.size());
        }
        Strategy s = current.withName(name);
        ModelParameters p = scenario.parameters();
        // Whole billing models first, then what refines the strategy, then numbers (which may refine the billing).
        for (int pass = 0; pass < 3; pass++) {
            for (int i = 0; i < decisions.size(); i++) {
                String path = decisions.get(i).parameter();
                Object v = values.get(i);
                int order = path.equals(BILLING) ? 0 : DISCRETE_PATHS.contains(path) ? 1 : 2;
                if (order != pass) {
                    continue;
                }
                switch (path) {
                    case BILLING -> s = s.withBilling((BillingModel) v);
                    case EXPERIENCE -> s = s.withExperience((Experience) v);
                    case LEVEL -> s = new Strategy(s.name(), s.experience(), (PersonalisationLevel) v, s.billing(), s.investment(),
                            s.fixedCostPerPeriod(), s.fulfilmentCostShare());
                    case INDICATOR -> {
                        if (!(s.billing() instanceof BillingModel.PersonalisedPricing pp)) {
                            throw new IllegalArgumentException(INDICATOR + " needs personalised pricing, was " + s.billing().kind().id());
                        }
                        s = s.withBilling(new BillingModel.PersonalisedPricing(pp.basePrice(), (PricingIndicator) v, pp.slope(),
                                pp.fairnessCap(), pp.loyaltyHorizon()));
                    }
                    default -> {
                        double x = ((Number) v).doubleValue();
                        if (path.startsWith(Decision.STRATEGY)) {
                            s = ParameterPaths.with(s, path.substring(Decision.STRATEGY.length()), x);
                        } else {
                            p = ParameterPaths.with(p, path.substring(Decision.PARAMETERS.length()), x);
                        }
                    }
                }
            }
        }
        return new Applied(p, s);
    }

    /** A candidate's model parameters and strategy. */
    public record Applied(ModelParameters parameters, Strategy strategy) {
    }

    /** A value as people read it: a number as is, an experience or indicator by id, a level by number, a billing model by its terms. */
    public static String label(Object v) {
        if (v instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : String.format(Locale.ROOT, "%.4g", d);
        }
        if (v instanceof Experience e) {
            return e.id();
        }
        if (v instanceof PersonalisationLevel l) {
            return Integer.toString(l.level());
        }
        if (v instanceof PricingIndicator pi) {
            return pi.id();
        }
        if (v instanceof BillingModel b) {
            return b.toString().replaceFirst("^\\w+\\[", b.kind().id() + "[");
        }
        return String.valueOf(v);
    }

    /** Labels of a list of values. */
    public static List<String> labels(List<Object> values) {
        List<String> out = new ArrayList<>();
        for (Object v : values) {
            out.add(label(v));
        }
        return out;
    }
}
