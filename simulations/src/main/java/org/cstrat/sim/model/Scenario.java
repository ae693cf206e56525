package org.cstrat.sim.model;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A fully resolved scenario: parameters, the strategies to compare on common random numbers (the
 * first is the baseline of comparisons and of the efficiency frontier), parameter uncertainty and
 * run settings. {@code firm} is the workbench firm id the parameters came from, or null. {@code currency} is the
 * ISO 4217 code every money amount of the scenario and its results is in ({@value #DEFAULT_CURRENCY} when not given).
 */
public record Scenario(
        String name,
        String description,
        String firm,
        ModelParameters parameters,
        List<Strategy> strategies,
        List<UncertainParameter> uncertainty,
        RunSettings run,
        @Param(value = "ISO 4217 code of the currency every money amount of the scenario and its results is in", pattern = "^[A-Z]{3}$")
        String currency) {

    /** The currency of a scenario that names none. */
    public static final String DEFAULT_CURRENCY = "USD";

    public Scenario {
        currency = Checks.currency("currency", currency == null ? DEFAULT_CURRENCY : currency);
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

    /** A scenario in {@value #DEFAULT_CURRENCY}. */
    public Scenario(String name, String description, String firm, ModelParameters parameters, List<Strategy> strategies,
                    List<UncertainParameter> uncertainty, RunSettings run) {
        this(name, description, firm, parameters, strategies, uncertainty, run, DEFAULT_CURRENCY);
    }

    public Scenario withCurrency(String newCurrency) {
        return new Scenario(name, description, firm, parameters, strategies, uncertainty, run, newCurrency);
    }

    /** A scenario with default run settings and no uncertainty. */
    public static Scenario of(String name, ModelParameters parameters, List<Strategy> strategies) {
        return new Scenario(name, "", null, parameters, strategies, List.of(), RunSettings.defaults());
    }

    public Scenario withRun(RunSettings newRun) {
        return new Scenario(name, description, firm, parameters, strategies, uncertainty, newRun, currency);
    }

    public Scenario withParameters(ModelParameters newParameters) {
        return new Scenario(name, description, firm, newParameters, strategies, uncertainty, run, currency);
    }

    public Scenario withStrategies(List<Strategy> newStrategies) {
        return new Scenario(name, description, firm, parameters, newStrategies, uncertainty, run, currency);
    }

    public Scenario withUncertainty(List<UncertainParameter> newUncertainty) {
        return new Scenario(name, description, firm, parameters, strategies, newUncertainty, run, currency);
    }

    public Strategy baseline() {
        return strategies.get(0);
    }
}
