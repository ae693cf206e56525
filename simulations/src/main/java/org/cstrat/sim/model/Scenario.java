package org.cstrat.sim.model;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A fully resolved scenario: parameters, the strategies to compare on common random numbers (the
 * first is the baseline of comparisons and of the efficiency frontier), parameter uncertainty and
 * run settings. {@code firm} is the workbench firm id the parameters came from, or null.
 */
public record Scenario(
        String name,
        String description,
        String firm,
        ModelParameters parameters,
        List<Strategy> strategies,
        List<UncertainParameter> uncertainty,
        RunSettings run) {

    public Scenario {
        Checks.name("name", name);
        description = description == null ? "" : description;
        Checks.present("parameters", parameters);
        strategies = Checks.nonEmptyCopy("strategies", strategies);
        uncertainty = uncertainty == null ? List.of() : List.copyOf(uncertainty);
        Checks.present("run", run);
        Set<String> names = new HashSet<>();
        for (Strategy s : strategies) {
            if (!names.add(s.name())) {
                throw new IllegalArgumentException("strategies: duplicate strategy name, was " + s.name());
            }
        }
        for (int i = 0; i < uncertainty.size(); i++) {
            UncertainParameter u = uncertainty.get(i);
            ParameterPaths.NumericParameter p;
            try {
                p = ParameterPaths.find(parameters, u.parameter());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("uncertainty[" + i + "].parameter: unknown numeric parameter path, was " + u.parameter());
            }
            if (u.low() < p.min() || u.high() > p.max()) {
                throw new IllegalArgumentException("uncertainty[" + i + "]: [low, high] must lie in [" + p.min() + ", " + p.max()
                        + "] for " + u.parameter() + ", was [" + u.low() + ", " + u.high() + "]");
            }
        }
    }

    /** A scenario with default run settings and no uncertainty. */
    public static Scenario of(String name, ModelParameters parameters, List<Strategy> strategies) {
        return new Scenario(name, "", null, parameters, strategies, List.of(), RunSettings.defaults());
    }

    public Scenario withRun(RunSettings newRun) {
        return new Scenario(name, description, firm, parameters, strategies, uncertainty, newRun);
    }

    public Scenario withParameters(ModelParameters newParameters) {
        return new Scenario(name, description, firm, newParameters, strategies, uncertainty, run);
    }

    public Scenario withStrategies(List<Strategy> newStrategies) {
        return new Scenario(name, description, firm, parameters, newStrategies, uncertainty, run);
    }

    public Scenario withUncertainty(List<UncertainParameter> newUncertainty) {
        return new Scenario(name, description, firm, parameters, strategies, newUncertainty, run);
    }

    public Strategy baseline() {
        return strategies.get(0);
    }
}
