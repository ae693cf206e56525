package org.cstrat.sim.scenario;

import org.cstrat.input.FieldError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cstrat.sim.model.Checks;
import org.cstrat.sim.model.ModelParameters;
import org.cstrat.sim.model.RunSettings;
import org.cstrat.sim.model.Scenario;
import org.cstrat.sim.model.Strategy;
import org.cstrat.sim.model.UncertainParameter;

/**
 * A scenario file as read and validated, before its parameters are resolved. A self-contained file
 * resolves on its own ({@link #resolve()}); a file naming a {@code firm} carries only overrides,
 * which {@link #resolve(ModelParameters)} applies to the firm's parameters as read from the
 * workbench graph by the server.
 */
public final class ScenarioDocument {
    private final String source;
    private final String name;
    private final String description;
    private final String firm;
    private final JsonNode parameters;
    private final List<Strategy> strategies;
    private final List<UncertainParameter> uncertainty;
    private final RunSettings run;
    private final String currency;
    private final JsonNode optimisation;

    ScenarioDocument(String source, String name, String description, String firm, JsonNode parameters,
                     List<Strategy> strategies, List<UncertainParameter> uncertainty, RunSettings run, String currency,
                     JsonNode optimisation) {
        this.optimisation = optimisation == null ? null : optimisation.deepCopy();
        this.source = source;
        this.name = Checks.name("name", name);
        this.description = description == null ? "" : description;
        this.firm = firm;
        this.parameters = parameters == null ? JsonNodeFactory.instance.objectNode() : parameters.deepCopy();
        this.strategies = List.copyOf(strategies);
        this.uncertainty = List.copyOf(uncertainty);
        this.run = run;
        this.currency = currency;
    }

    public String name() { return name; }

    public String description() { return description; }

    /** The workbench firm id whose parameters the file overrides, or null for a self-contained file. */
    public String firm() { return firm; }

    public boolean selfContained() { return firm == null; }

    /** A copy of the {@code parameters} object exactly as written in the file (the overrides). */
    public JsonNode parameterOverrides() { return parameters.deepCopy(); }

    public List<Strategy> strategies() { return strategies; }

    public List<UncertainParameter> uncertainty() { return uncertainty; }

    public RunSettings run() { return run; }

    /** The ISO 4217 code of the file's money amounts ({@code Scenario.DEFAULT_CURRENCY} when it names none). */
    public String currency() { return currency; }

    /**
     * Resolves a self-contained file: its parameters over {@link ModelParameters#defaults()}; its
     * segments replace the default segment.
     *
     * @throws ScenarioException when the file names a firm, or a cross-field rule fails
     */
    public Scenario resolve() {
        if (firm != null) {
            throw new ScenarioException(source, List.of(FieldError.path("$.firm", "\"" + firm + "\"",
                    "this scenario takes its segments from the workbench; resolve it with the firm's parameters")));
        }
        if (!parameters.has("segments")) {
            throw new ScenarioException(source, List.of(FieldError.path("$.parameters.segments", "(missing)",
                    "a self-contained scenario must define its segments")));
        }
        return build(ModelParameters.defaults(), false);
    }

    /**
     * Merges the file's overrides onto {@code base} (the firm's parameters from the graph): objects
     * field by field, segments by name (a named segment is overridden, a new name is added with
     * default values for what the file leaves out), other values replaced.
     *
     * @throws ScenarioException naming the field path and value of every error
     */
    public Scenario resolve(ModelParameters base) {
        Checks.present("base", base);
        return build(base, true);
    }

    private Scenario build(ModelParameters base, boolean byName) {
        TreeBinder binder = new TreeBinder(byName);
        ModelParameters p = binder.bindRecord(parameters, ModelParameters.class, base, "$.parameters", Set.of());
        if (!binder.errors().isEmpty()) {
            throw new ScenarioException(source, binder.errors());
        }
        try {
            return new Scenario(name, description, firm, p, strategies, uncertainty, run, currency);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(source, List.of(FieldError.path(pathOf(e.getMessage()), "(see message)", e.getMessage())));
        }
    }

    private static String pathOf(String message) {
        if (message != null && message.startsWith("uncertainty[")) {
            return "$." + message.substring(0, message.indexOf(']') + 1);
        }
        if (message != null && message.startsWith("strategies")) {
            return "$.strategies";
        }
        return "$";
    }

    /** True when the file has an {@code optimisation} object. */
    public boolean hasOptimisation() {
        return optimisation != null;
    }

    /**
     * The file's {@code optimisation} object bound against the resolved scenario (decision paths, bounds and the
     * strategy are checked against its parameters and strategies).
     *
     * @throws ScenarioException naming the field path and value of every error, or {@code $.optimisation} when the file has none
     */
    public org.cstrat.sim.optimise.OptimisationSpec optimisation(Scenario resolved) {
        if (optimisation == null) {
            throw new ScenarioException(source, List.of(FieldError.path("$.optimisation", "(missing)",
                    "this scenario declares no optimisation: add decisions (and optionally an objective and constraints)")));
        }
        return new OptimisationReader(source).bind(optimisation, resolved);
    }

    /** Errors in the overrides when applied to {@code base}, without throwing; empty when fine. */
    public List<FieldError> check(ModelParameters base) {
        try {
            resolve(base);
            return List.of();
        } catch (ScenarioException e) {
            return new ArrayList<>(e.errors());
        }
    }
}
