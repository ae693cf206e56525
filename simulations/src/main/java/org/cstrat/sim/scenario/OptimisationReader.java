package org.cstrat.sim.scenario;

import org.cstrat.input.FieldError;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.cstrat.framework.Experience;
import org.cstrat.framework.PersonalisationLevel;
import org.cstrat.framework.PricingIndicator;
import org.cstrat.sim.model.BillingModel;
import org.cstrat.sim.model.ParameterPaths.NumericParameter;
import org.cstrat.sim.model.Scenario;
import org.cstrat.sim.model.Strategy;
import org.cstrat.sim.model.UncertainParameter;
import org.cstrat.sim.optimise.Decision;
import org.cstrat.sim.optimise.Decisions;
import org.cstrat.sim.optimise.Objective;
import org.cstrat.sim.optimise.OptimisationSpec;
import org.cstrat.sim.optimise.RiskConstraint;

/**
 * Binds a scenario file's {@code optimisation} object against the resolved scenario, collecting every error with
 * its JSON path (format: {@code scenario.schema.json}, {@code $defs/Optimisation}). One reader per document.
 */
final class OptimisationReader {
    static final Set<String> FIELDS = Set.of("strategy", "decisions", "objective", "constraints", "budget", "replications",
            "finalists", "finalReplications");
    static final Set<String> DECISION_FIELDS = Set.of("parameter", "low", "high", "values");
    static final Set<String> OBJECTIVE_FIELDS = Set.of("output", "statistic", "quantile", "segment");
    static final Set<String> CONSTRAINT_FIELDS = Set.of("type", "max", "min");
    private static final String ROOT = "$.optimisation";

    private final String source;
    private final TreeBinder binder = new TreeBinder(false);

    OptimisationReader(String source) {
        this.source = source;
    }

    OptimisationSpec bind(JsonNode node, Scenario scenario) {
        if (!node.isObject()) {
            throw new ScenarioException(source, List.of(FieldError.path(ROOT, node.toString(), "must be an object")));
        }
        unknown(node, FIELDS, ROOT);
        Strategy current = scenario.baseline();
        JsonNode s = node.get("strategy");
        if (s != null) {
            if (!s.isTextual()) {
                binder.error(ROOT + ".strategy", s, "must be the name of one of the scenario's strategies");
            } else {
                current = scenario.strategies().stream().filter(x -> x.name().equals(s.textValue())).findFirst().orElse(null);
                if (current == null) {
                    binder.error(ROOT + ".strategy", s, "no strategy of that name; the scenario has "
                            + scenario.strategies().stream().map(Strategy::name).toList());
                }
            }
        }
        List<Decision> decisions = new ArrayList<>();
        JsonNode ds = node.get("decisions");
        if (ds == null || !ds.isArray() || ds.isEmpty()) {
            binder.error(ROOT + ".decisions", ds, "must be a non-empty array of decisions, each {\"parameter\", \"low\", \"high\"} "
                    + "or {\"parameter\", \"values\"}");
        } else if (current != null) {
            for (int i = 0; i < ds.size(); i++) {
                Decision d = decision(ds.get(i), ROOT + ".decisions[" + i + "]", scenario, current, decisions);
                if (d != null) {
                    decisions.add(d);
                }
            }
            crossCheck(decisions, current);
        }
        Objective objective = objective(node.get("objective"), scenario);
        List<RiskConstraint> constraints = new ArrayList<>();
        JsonNode cs = node.get("constraints");
        if (cs != null) {
            if (!cs.isArray()) {
                binder.error(ROOT + ".constraints", cs, "must be an array");
            } else {
                for (int i = 0; i < cs.size(); i++) {
                    RiskConstraint c = constraint(cs.get(i), ROOT + ".constraints[" + i + "]", current, decisions);
                    if (c != null) {
                        constraints.add(c);
                    }
                }
            }
        }
        int budget = integer(node, "budget", OptimisationSpec.BUDGET_DEFAULT, 2, OptimisationSpec.BUDGET_MAX);
        int replications = integer(node, "replications", OptimisationSpec.REPLICATIONS_DEFAULT, 2, 1_000_000);
        int finalists = integer(node, "finalists", OptimisationSpec.FINALISTS_DEFAULT, 1, 100);
        int finalReplications = integer(node, "finalReplications", OptimisationSpec.FINAL_REPLICATIONS_DEFAULT, 2, 10_000_000);
        if (!binder.errors().isEmpty()) {
            throw new ScenarioException(source, binder.errors());
        }
        try {
            return new OptimisationSpec(current.name(), decisions, objective, constraints, budget, replications, finalists,
                    finalReplications);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(source, List.of(FieldError.path(ROOT, "(see message)", e.getMessage())));
        }
    }

    private Decision decision(JsonNode d, String path, Scenario scenario, Strategy current, List<Decision> earlier) {
        if (!d.isObject()) {
            binder.error(path, d, "must be an object {\"parameter\", \"low\", \"high\"} or {\"parameter\", \"values\"}");
            return null;
        }
        unknown(d, DECISION_FIELDS, path);
        JsonNode p = d.get("parameter");
        if (p == null || !p.isTextual() || p.textValue().isBlank()) {
            binder.error(path + ".parameter", p, "required: the path of a strategy or model parameter, e.g. strategy.billing.price");
            return null;
        }
        String param = p.textValue();
        for (Decision e : earlier) {
            if (e.parameter().equals(param)) {
                binder.error(path + ".parameter", p, "is already a decision; declare each parameter once");
                return null;
            }
        }
        for (UncertainParameter u : scenario.uncertainty()) {
            if (param.equals(Decision.PARAMETERS + u.parameter())) {
                binder.error(path + ".parameter", p, "is an uncertain parameter of the scenario (drawn in every replication); "
                        + "a decision cannot also be uncertain");
                return null;
            }
        }
        boolean bounds = d.has("low") || d.has("high");
        JsonNode values = d.get("values");
        if (bounds && values != null) {
            binder.error(path, d, "give either bounds (low, high) or a set of values, not both");
            return null;
        }
        boolean discretePath = Decisions.DISCRETE_PATHS.contains(param);
        NumericParameter numeric = null;
        if (!discretePath) {
            try {
                numeric = Decisions.numeric(scenario, current, param);
            } catch (IllegalArgumentException e) {
                binder.error(path + ".parameter", p, e.getMessage());
                return null;
            }
        }
        if (values != null) {
            return choice(values, path, param, numeric, current);
        }
        if (discretePath) {
            binder.error(path + ".values", null, param + " is a choice: give its set of values, e.g. "
                    + (param.equals(Decisions.EXPERIENCE) ? "[\"curated_offering\", \"coach_behavior\"]"
                    : param.equals(Decisions.LEVEL) ? "[1, 2, 3, 4]" : param.equals(Decisions.INDICATOR) ? "[\"quantity\", \"loyalty\"]"
                    : "[{\"model\": \"flat_price\", \"price\": 9}, {\"model\": \"subscription\", \"feePerPeriod\": 20}]"));
            return null;
        }
        Double low = number(d.get("low"), path + ".low", true);
        Double high = number(d.get("high"), path + ".high", true);
        if (low == null || high == null) {
            return null;
        }
        boolean ok = true;
        if (low < numeric.min()) {
            binder.error(path + ".low", d.get("low"), "below the parameter's range [" + numeric.min() + ", " + numeric.max() + "]");
            ok = false;
        }
        if (high > numeric.max()) {
            binder.error(path + ".high", d.get("high"), "above the parameter's range [" + numeric.min() + ", " + numeric.max() + "]");
            ok = false;
        }
        if (!(low < high)) {
            binder.error(path, d, "empty bounds: low must be below high, was [" + low + ", " + high + "]");
            ok = false;
        } else if (numeric.integer() && Math.ceil(low) > Math.floor(high)) {
            binder.error(path, d, "empty bounds: " + param + " is an integer and no integer lies in [" + low + ", " + high + "]");
            ok = false;
        }
        return ok ? new Decision.Continuous(param, low, high, numeric.integer()) : null;
    }

    private Decision choice(JsonNode values, String path, String param, NumericParameter numeric, Strategy current) {
        if (!values.isArray() || values.isEmpty()) {
            binder.error(path + ".values", values, "empty set of values: give at least one");
            return null;
        }
        List<Object> out = new ArrayList<>();
        int before = binder.errors().size();
        for (int j = 0; j < values.size(); j++) {
            JsonNode v = values.get(j);
            String vp = path + ".values[" + j + "]";
            Object value = switch (param) {
                case Decisions.EXPERIENCE -> enumValue(v, vp, Experience.values(), Experience::id);
                case Decisions.INDICATOR -> enumValue(v, vp, PricingIndicator.values(), PricingIndicator::id);
                case Decisions.LEVEL -> {
                    if (!v.isIntegralNumber() || v.intValue() < 1 || v.intValue() > 4) {
                        binder.error(vp, v, "must be a personalisation level: an integer from 1 to 4");
                        yield null;
                    }
                    yield PersonalisationLevel.of(v.intValue()).orElseThrow();
                }
                case Decisions.BILLING -> binder.bindBilling(v, vp);
                default -> {
                    Double x = number(v, vp, true);
                    if (x != null && (x < numeric.min() || x > numeric.max())) {
                        binder.error(vp, v, "outside the parameter's range [" + numeric.min() + ", " + numeric.max() + "]");
                        yield null;
                    }
                    yield x == null ? null : numeric.integer() ? (Object) (double) Math.rint(x) : x;
                }
            };
            if (value != null) {
                if (out.contains(value)) {
                    binder.error(vp, v, "appears twice in the set");
                } else {
                    out.add(value);
                }
            }
        }
        if (param.equals(Decisions.INDICATOR) && !(current.billing() instanceof BillingModel.PersonalisedPricing)) {
            binder.error(path + ".parameter", values, Decisions.INDICATOR + " needs a strategy with personalised pricing, '"
                    + current.name() + "' bills by " + current.billing().kind().id());
        }
        return binder.errors().size() > before ? null : new Decision.Choice(param, out);
    }

    /** Decisions that cannot go together. */
    private void crossCheck(List<Decision> decisions, Strategy current) {
        boolean billingChoice = decisions.stream().anyMatch(d -> d.parameter().equals(Decisions.BILLING));
        if (!billingChoice) {
            return;
        }
        for (int i = 0; i < decisions.size(); i++) {
            String p = decisions.get(i).parameter();
            if (p.startsWith(Decisions.BILLING + ".")) {
                binder.error(ROOT + ".decisions", null, p + " refines the billing model while " + Decisions.BILLING
                        + " chooses among whole billing models; give the choice's models their own values instead");
            }
        }
    }

    private Objective objective(JsonNode o, Scenario scenario) {
        String path = ROOT + ".objective";
        if (o == null) {
            return Objective.MEAN_NPV;
        }
        if (!o.isObject()) {
            binder.error(path, o, "must be an object {\"output\": \"npv\"|\"clv\", \"statistic\": \"mean\"|\"quantile\", \"quantile\"}");
            return null;
        }
        unknown(o, OBJECTIVE_FIELDS, path);
        Objective.Output output = enumValue(o.has("output") ? o.get("output") : com.fasterxml.jackson.databind.node.TextNode.valueOf("npv"),
                path + ".output", Objective.Output.values(), x -> x.name().toLowerCase(java.util.Locale.ROOT));
        Objective.Statistic statistic = enumValue(o.has("statistic") ? o.get("statistic")
                : com.fasterxml.jackson.databind.node.TextNode.valueOf("mean"), path + ".statistic", Objective.Statistic.values(),
                x -> x.name().toLowerCase(java.util.Locale.ROOT));
        double q = Double.NaN;
        if (statistic == Objective.Statistic.QUANTILE) {
            Double v = number(o.get("quantile"), path + ".quantile", true);
            if (v != null && !(v > 0 && v < 1)) {
                binder.error(path + ".quantile", o.get("quantile"), "must be in (0, 1), e.g. 0.05 for P5");
                v = null;
            }
            q = v == null ? Double.NaN : v;
        } else if (o.has("quantile")) {
            binder.error(path + ".quantile", o.get("quantile"), "applies to \"statistic\": \"quantile\" only");
        }
        String segment = null;
        JsonNode sg = o.get("segment");
        if (sg != null) {
            if (output != Objective.Output.CLV) {
                binder.error(path + ".segment", sg, "applies to \"output\": \"clv\" only");
            } else if (!sg.isTextual() || scenario.parameters().segments().stream().noneMatch(x -> x.name().equals(sg.textValue()))) {
                binder.error(path + ".segment", sg, "no segment of that name; the scenario has "
                        + scenario.parameters().segments().stream().map(x -> x.name()).toList());
            } else {
                segment = sg.textValue();
            }
        }
        if (output == null || statistic == null || (statistic == Objective.Statistic.QUANTILE && Double.isNaN(q))) {
            return null;
        }
        return new Objective(output, statistic, q, segment);
    }

    private RiskConstraint constraint(JsonNode c, String path, Strategy current, List<Decision> decisions) {
        if (!c.isObject()) {
            binder.error(path, c, "must be an object {\"type\", \"max\" or \"min\"}");
            return null;
        }
        unknown(c, CONSTRAINT_FIELDS, path);
        RiskConstraint.Kind kind = enumValue(c.get("type") == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : c.get("type"),
                path + ".type", RiskConstraint.Kind.values(), RiskConstraint.Kind::id);
        if (kind == null) {
            return null;
        }
        String bound = kind == RiskConstraint.Kind.CUSTOMERS_AT_HORIZON ? "min" : "max";
        String other = bound.equals("min") ? "max" : "min";
        if (c.has(other)) {
            binder.error(path + "." + other, c.get(other), kind.id() + " takes \"" + bound + "\"");
            return null;
        }
        Double limit;
        if (kind == RiskConstraint.Kind.PRICE_DISPERSION && !c.has("max")) {
            if (current != null && current.billing() instanceof BillingModel.PersonalisedPricing pp) {
                limit = pp.fairnessCap(); // the current strategy's fairness cap
            } else {
                binder.error(path + ".max", null, "required: the current strategy has no personalised pricing, so there is no fairness "
                        + "cap to default to");
                return null;
            }
        } else {
            limit = number(c.get(bound), path + "." + bound, true);
        }
        if (limit == null) {
            return null;
        }
        try {
            return new RiskConstraint(kind, limit);
        } catch (IllegalArgumentException e) {
            binder.error(path + "." + bound, c.get(bound), switch (kind) {
                case LOSS_PROBABILITY -> "must be a probability in [0, 1]";
                case PRICE_DISPERSION -> "must be a ratio >= 1";
                case CUSTOMERS_AT_HORIZON -> "must be >= 0";
            });
            return null;
        }
    }

    private int integer(JsonNode node, String field, int dflt, int min, int max) {
        JsonNode v = node.get(field);
        if (v == null) {
            return dflt;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < min || v.intValue() > max) {
            binder.error(ROOT + "." + field, v, "must be an integer in [" + min + ", " + max + "]");
            return dflt;
        }
        return v.intValue();
    }

    private Double number(JsonNode v, String path, boolean required) {
        if (v == null) {
            if (required) {
                binder.error(path, null, "required field is missing");
            }
            return null;
        }
        if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
            binder.error(path, v, "must be a number");
            return null;
        }
        return v.doubleValue();
    }

    private <E> E enumValue(JsonNode v, String path, E[] values, java.util.function.Function<E, String> id) {
        if (v != null && v.isTextual()) {
            for (E e : values) {
                if (id.apply(e).equals(v.textValue())) {
                    return e;
                }
            }
        }
        binder.error(path, v, "must be one of " + java.util.Arrays.stream(values).map(id).toList());
        return null;
    }

    private void unknown(JsonNode node, Set<String> fields, String path) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!fields.contains(f)) {
                binder.error(path + "." + f, node.get(f), "unknown field; expected one of " + new java.util.TreeSet<>(fields));
            }
        }
    }
}
