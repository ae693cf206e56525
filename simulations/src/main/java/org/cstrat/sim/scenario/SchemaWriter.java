package org.cstrat.sim.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.cstrat.framework.Experience;
import org.cstrat.framework.PersonalisationLevel;
import org.cstrat.framework.PricingIndicator;
import org.cstrat.sim.model.BillingModel;
import org.cstrat.sim.model.ModelParameters;
import org.cstrat.sim.model.Param;
import org.cstrat.sim.model.RunSettings;
import org.cstrat.sim.model.Scenario;
import org.cstrat.sim.model.Segment;
import org.cstrat.sim.model.Strategy;
import org.cstrat.sim.model.UncertainParameter;
import org.cstrat.sim.optimise.OptimisationSpec;

/**
 * Generates the JSON Schema of scenario files from the model's records and their {@link Param}
 * annotations (descriptions, units, ranges) and default values, so the schema cannot drift from
 * what {@link ScenarioReader} accepts. A test compares the shipped
 * {@code simulations/scenarios/scenario.schema.json} with this output; run {@link #main} with the
 * target path to regenerate it.
 */
public final class SchemaWriter {
    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final ObjectMapper VALUES = ScenarioJson.mapper();

    private SchemaWriter() {
    }

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "simulations/scenarios/scenario.schema.json");
        Files.writeString(target, schema(), StandardCharsets.UTF_8);
        System.out.println("wrote " + target);
    }

    /** {@code currency}, from its annotation on {@link Scenario}: a string matching the pattern, default USD. */
    private static ObjectNode currencyProperty() {
        Param p = java.util.Arrays.stream(Scenario.class.getRecordComponents()).filter(c -> c.getName().equals("currency"))
                .findFirst().orElseThrow().getAnnotation(Param.class);
        ObjectNode node = MAPPER.createObjectNode();
        node.put("type", "string").put("pattern", p.pattern()).put("default", Scenario.DEFAULT_CURRENCY)
                .put("description", p.value() + " (validated against the ISO 4217 codes the JDK knows, e.g. USD, EUR, JPY)");
        return node;
    }

    public static String schema() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", "https://cstrat.org/schemas/simulation-scenario.json");
        root.put("title", "Connected Strategy Workbench simulation scenario");
        root.put("description", "A Monte Carlo scenario: market and firm parameters, strategies to compare on common random numbers, "
                + "parameter uncertainty and run settings. Without \"firm\" the file is self-contained (parameters override the "
                + "defaults, segments are required). With \"firm\" the segments and parameters come from the workbench and the "
                + "file's parameters are overrides: objects merge field by field, segments merge by name. Numbers carry their "
                + "unit in the description; see simulations/README.md for the equations.");
        root.put("type", "object");
        root.put("additionalProperties", false);
        ArrayNode req = root.putArray("required");
        req.add("name");
        req.add("strategies");
        ObjectNode props = root.putObject("properties");
        props.putObject("$schema").put("type", "string").put("description", "optional link to this schema");
        props.putObject("name").put("type", "string").put("minLength", 1).put("description", "scenario name");
        props.putObject("description").put("type", "string").put("description", "what the scenario is about");
        props.putObject("firm").put("type", "string").put("minLength", 1)
                .put("description", "workbench firm id (e.g. \"zipcar\"): take segments and parameters from the graph; this file then holds overrides");
        props.set("currency", currencyProperty());
        ObjectNode defs = root.putObject("$defs");
        props.set("parameters", ref("ModelParameters"));
        ObjectNode strategies = props.putObject("strategies");
        strategies.put("type", "array").put("minItems", 1)
                .put("description", "strategies compared on common random numbers; the first is the baseline");
        strategies.set("items", ref("Strategy"));
        ObjectNode unc = props.putObject("uncertainty");
        unc.put("type", "array").put("description", "parameters drawn anew in every replication (shared by all strategies)");
        unc.set("items", ref("UncertainParameter"));
        props.set("run", ref("RunSettings"));
        props.set("optimisation", ref("Optimisation"));
        optimisation(defs);

        record(defs, ModelParameters.class, VALUES.valueToTree(ModelParameters.defaults()), null);
        record(defs, Segment.class, VALUES.valueToTree(Segment.defaults("example")), null);
        record(defs, Strategy.class, VALUES.valueToTree(TreeBinder.template(Strategy.class)), null);
        record(defs, UncertainParameter.class, null, null);
        record(defs, RunSettings.class, VALUES.valueToTree(RunSettings.defaults()), null);
        ObjectNode billing = defs.putObject("BillingModel");
        billing.put("description", "how the firm bills; \"model\" selects the variant");
        ArrayNode oneOf = billing.putArray("oneOf");
        for (Map.Entry<String, Class<? extends BillingModel>> e : TreeBinder.BILLING.entrySet()) {
            String name = e.getValue().getSimpleName();
            oneOf.add(ref(name));
            record(defs, e.getValue(), VALUES.valueToTree(TreeBinder.template(e.getValue())), e.getKey());
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code optimisation} object ({@link OptimisationReader}); its paths and bounds are checked against the resolved scenario. */
    private static void optimisation(ObjectNode defs) {
        ObjectNode o = defs.putObject("Optimisation");
        o.put("type", "object").put("additionalProperties", false)
                .put("description", "search decision variables of one strategy for the best objective under risk constraints "
                        + "(cstrat optimise; method in simulations/README.md, \"Optimisation\")");
        o.putArray("required").add("decisions");
        ObjectNode p = o.putObject("properties");
        p.putObject("strategy").put("type", "string").put("minLength", 1)
                .put("description", "the current strategy the candidates start from and are compared with (default: the first)");
        ObjectNode ds = p.putObject("decisions");
        ds.put("type", "array").put("minItems", 1).put("description", "decision variables, each parameter at most once");
        ds.set("items", ref("Decision"));
        p.set("objective", ref("Objective"));
        ObjectNode cs = p.putObject("constraints");
        cs.put("type", "array").put("description", "risk constraints every reported decision must meet");
        cs.set("items", ref("RiskConstraint"));
        integer(p, "budget", OptimisationSpec.BUDGET_DEFAULT, 2, OptimisationSpec.BUDGET_MAX,
                "simulations of the search, the current strategy's included [evaluations]");
        integer(p, "replications", OptimisationSpec.REPLICATIONS_DEFAULT, 2, 1_000_000,
                "replications of every search evaluation, all on the same random streams [replications]");
        integer(p, "finalists", OptimisationSpec.FINALISTS_DEFAULT, 1, 100, "best candidates re-evaluated on fresh streams");
        integer(p, "finalReplications", OptimisationSpec.FINAL_REPLICATIONS_DEFAULT, 2, 10_000_000,
                "replications of each re-evaluation [replications]");

        ObjectNode d = defs.putObject("Decision");
        d.put("type", "object").put("additionalProperties", false)
                .put("description", "a numeric parameter with bounds (low < high, within the parameter's range), or any parameter "
                        + "with a set of values");
        d.putArray("required").add("parameter");
        ObjectNode dp = d.putObject("properties");
        dp.putObject("parameter").put("type", "string").put("minLength", 1)
                .put("description", "strategy.<path> (e.g. strategy.billing.price, strategy.billing.fairnessCap, strategy.investment), "
                        + "parameters.<path> (a model parameter that is not uncertain), or one of "
                        + String.join(", ", org.cstrat.sim.optimise.Decisions.DISCRETE_PATHS) + " with values");
        dp.putObject("low").put("type", "number").put("description", "lower bound of a continuous decision");
        dp.putObject("high").put("type", "number").put("description", "upper bound of a continuous decision");
        ObjectNode vs = dp.putObject("values");
        vs.put("type", "array").put("minItems", 1).put("uniqueItems", true)
                .put("description", "the set of a discrete decision: numbers, experience ids, levels 1-4, indicator ids or billing models");
        ObjectNode anyOf = MAPPER.createObjectNode();
        ArrayNode kinds = anyOf.putArray("anyOf");
        kinds.addObject().put("type", "number");
        kinds.addObject().put("type", "string");
        kinds.add(ref("BillingModel"));
        vs.set("items", anyOf);
        ArrayNode oneOf = d.putArray("oneOf");
        ObjectNode bounded = oneOf.addObject();
        bounded.putArray("required").add("low").add("high");
        ObjectNode set = oneOf.addObject();
        set.putArray("required").add("values");

        ObjectNode ob = defs.putObject("Objective");
        ob.put("type", "object").put("additionalProperties", false).put("description", "what to maximise (default: mean NPV)");
        ObjectNode op = ob.putObject("properties");
        ObjectNode out = op.putObject("output");
        out.putArray("enum").add("npv").add("clv");
        out.put("default", "npv").put("description", "NPV of the strategy, or CLV (discounted margin per customer)");
        ObjectNode st = op.putObject("statistic");
        st.putArray("enum").add("mean").add("quantile");
        st.put("default", "mean").put("description", "the mean over replications, or a quantile (e.g. 0.05 for P5)");
        op.putObject("quantile").put("type", "number").put("exclusiveMinimum", 0).put("exclusiveMaximum", 1)
                .put("description", "the quantile of statistic \"quantile\"");
        op.putObject("segment").put("type", "string").put("minLength", 1).put("description", "CLV of this segment only (default: all)");

        ObjectNode rc = defs.putObject("RiskConstraint");
        rc.put("type", "object").put("additionalProperties", false)
                .put("description", "loss_probability: P(NPV < 0) <= max; price_dispersion: highest / lowest segment mean price <= max "
                        + "(default: the current strategy's fairness cap); customers_at_horizon: mean active customers after the "
                        + "last period >= min");
        rc.putArray("required").add("type");
        ObjectNode rp = rc.putObject("properties");
        ArrayNode types = rp.putObject("type").putArray("enum");
        for (org.cstrat.sim.optimise.RiskConstraint.Kind k : org.cstrat.sim.optimise.RiskConstraint.Kind.values()) {
            types.add(k.id());
        }
        rp.putObject("max").put("type", "number").put("minimum", 0).put("description", "upper bound (loss_probability, price_dispersion)");
        rp.putObject("min").put("type", "number").put("minimum", 0).put("description", "lower bound (customers_at_horizon) [customers]");
    }

    private static void integer(ObjectNode props, String name, int dflt, int min, int max, String description) {
        props.putObject(name).put("type", "integer").put("minimum", min).put("maximum", max).put("default", dflt)
                .put("description", description);
    }

    private static ObjectNode ref(String name) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("$ref", "#/$defs/" + name);
        return n;
    }

    private static void record(ObjectNode defs, Class<?> type, com.fasterxml.jackson.databind.JsonNode defaults, String discriminator) {
        ObjectNode def = defs.putObject(type.getSimpleName());
        def.put("type", "object");
        def.put("additionalProperties", false);
        ObjectNode props = def.putObject("properties");
        ArrayNode required = MAPPER.createArrayNode();
        if (discriminator != null) {
            props.putObject("model").put("const", discriminator);
            required.add("model");
        }
        for (RecordComponent rc : type.getRecordComponents()) {
            Param p = rc.getAnnotation(Param.class);
            ObjectNode prop = props.putObject(rc.getName());
            type(prop, rc.getGenericType(), p, defs);
            if (p != null) {
                prop.put("description", p.value() + (p.unit().isEmpty() ? "" : " [" + p.unit() + "]"));
                if (p.required()) {
                    required.add(rc.getName());
                }
            }
            if (defaults != null && defaults.has(rc.getName()) && (p == null || !p.required()) && !defaults.get(rc.getName()).isNull()
                    && !rc.getName().equals("segments")) {
                prop.set("default", defaults.get(rc.getName()));
            }
        }
        if (!required.isEmpty()) {
            def.set("required", required);
        }
    }

    private static void type(ObjectNode prop, Type generic, Param p, ObjectNode defs) {
        Class<?> raw = generic instanceof ParameterizedType pt ? (Class<?>) pt.getRawType() : (Class<?>) generic;
        if (raw == double.class || raw == int.class || raw == long.class) {
            prop.put("type", raw == double.class ? "number" : "integer");
            range(prop, p);
        } else if (raw == String.class) {
            prop.put("type", "string").put("minLength", 1);
        } else if (raw == Experience.class) {
            ArrayNode e = prop.putArray("enum");
            Arrays.stream(Experience.values()).forEach(x -> e.add(x.id()));
        } else if (raw == PricingIndicator.class) {
            ArrayNode e = prop.putArray("enum");
            Arrays.stream(PricingIndicator.values()).forEach(x -> e.add(x.id()));
        } else if (raw == UncertainParameter.Shape.class) {
            ArrayNode e = prop.putArray("enum");
            Arrays.stream(UncertainParameter.Shape.values()).forEach(x -> e.add(x.name().toLowerCase(Locale.ROOT)));
        } else if (raw == PersonalisationLevel.class) {
            prop.put("type", "integer").put("minimum", 1).put("maximum", 4);
        } else if (raw == BillingModel.class) {
            prop.put("$ref", "#/$defs/BillingModel");
        } else if (raw == java.util.List.class) {
            Class<?> el = (Class<?>) ((ParameterizedType) generic).getActualTypeArguments()[0];
            prop.put("type", "array").put("minItems", 1);
            prop.set("items", ref(el.getSimpleName()));
        } else if (raw.isRecord()) {
            if (raw.getSimpleName().endsWith("Values")) {
                // Per-experience and per-level values take the range of the field holding them.
                prop.put("type", "object").put("additionalProperties", false);
                ObjectNode inner = prop.putObject("properties");
                for (RecordComponent rc : raw.getRecordComponents()) {
                    ObjectNode leaf = inner.putObject(rc.getName());
                    leaf.put("type", "number");
                    range(leaf, p);
                    leaf.put("description", rc.getAnnotation(Param.class).value());
                }
            } else {
                prop.put("$ref", "#/$defs/" + raw.getSimpleName());
                if (!defs.has(raw.getSimpleName())) {
                    record(defs, raw, null, null);
                }
            }
        }
    }

    private static void range(ObjectNode prop, Param p) {
        if (p == null) {
            return;
        }
        if (Double.isFinite(p.min())) {
            number(prop, "minimum", p.min());
        }
        if (Double.isFinite(p.max())) {
            number(prop, "maximum", p.max());
        }
    }

    private static void number(ObjectNode prop, String key, double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            prop.put(key, (long) v);
        } else {
            prop.put(key, v);
        }
    }
}
