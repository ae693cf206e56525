package org.cstrat.sim.scenario;

import org.cstrat.input.FieldError;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cstrat.framework.Experience;
import org.cstrat.framework.PersonalisationLevel;
import org.cstrat.framework.PricingIndicator;
import org.cstrat.framework.RevenueModelKind;
import org.cstrat.sim.model.BillingModel;
import org.cstrat.sim.model.Param;
import org.cstrat.sim.model.RunSettings;
import org.cstrat.sim.model.Segment;
import org.cstrat.sim.model.Strategy;
import org.cstrat.sim.model.UncertainParameter;

/**
 * Binds a JSON tree onto the model's records by reflection, strictly: unknown fields, wrong types,
 * values outside a component's {@link Param} range and missing required fields are all collected
 * (not just the first) with their JSON paths. Missing optional fields take the value of a defaults
 * instance (the base parameters, a base segment of the same name, or a type's template).
 * One binder per document; not thread-safe.
 */
final class TreeBinder {
    static final Map<String, Class<? extends BillingModel>> BILLING = billing();

    private final List<FieldError> errors = new ArrayList<>();
    private final boolean mergeSegmentsByName;

    TreeBinder(boolean mergeSegmentsByName) {
        this.mergeSegmentsByName = mergeSegmentsByName;
    }

    List<FieldError> errors() {
        return errors;
    }

    void error(String path, JsonNode value, String message) {
        errors.add(FieldError.path(path, value == null ? "(missing)" : value.toString(), message));
    }

    /** Binds {@code node} as a record of {@code type}; null when it has errors (recorded). */
    <T> T bindRecord(JsonNode node, Class<T> type, T defaults, String path, Set<String> ignored) {
        if (!node.isObject()) {
            error(path, node, "must be an object");
            return null;
        }
        RecordComponent[] rcs = type.getRecordComponents();
        Set<String> names = Arrays.stream(rcs).map(RecordComponent::getName).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!names.contains(f) && !ignored.contains(f)) {
                error(path + "." + f, node.get(f), "unknown field; expected one of " + names);
            }
        }
        int before = errors.size();
        Object[] args = new Object[rcs.length];
        Class<?>[] types = new Class<?>[rcs.length];
        for (int i = 0; i < rcs.length; i++) {
            RecordComponent rc = rcs[i];
            types[i] = rc.getType();
            Param p = rc.getAnnotation(Param.class);
            Object def = defaults != null ? read(rc, defaults) : null;
            JsonNode child = node.get(rc.getName());
            String childPath = path + "." + rc.getName();
            if (child == null) {
                if (p != null && p.required()) {
                    error(childPath, null, "required field is missing" + (p.value().isEmpty() ? "" : " (" + p.value() + ")"));
                } else {
                    args[i] = def != null ? def : typeDefault(rc.getType());
                }
            } else {
                args[i] = bindValue(child, rc.getGenericType(), def, childPath, p, null);
            }
        }
        if (errors.size() > before) {
            return null;
        }
        return construct(type, types, args, path, node);
    }

    private <T> T construct(Class<T> type, Class<?>[] types, Object[] args, String path, JsonNode node) {
        try {
            Constructor<T> ctor = type.getDeclaredConstructor(types);
            return ctor.newInstance(args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            error(path, node, cause.getMessage() == null ? cause.toString() : cause.getMessage());
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getSimpleName(), e);
        }
    }

    private Object bindValue(JsonNode node, Type generic, Object def, String path, Param param, Param inherited) {
        Class<?> raw = generic instanceof ParameterizedType pt ? (Class<?>) pt.getRawType() : (Class<?>) generic;
        Param range = hasRange(param) ? param : inherited;
        if (raw == double.class) {
            if (!node.isNumber()) {
                error(path, node, "must be a number");
                return null;
            }
            return checkRange(node.doubleValue(), range, path, node, false) ? node.doubleValue() : null;
        }
        if (raw == int.class || raw == long.class) {
            if (!node.isIntegralNumber() || (raw == int.class ? !node.canConvertToInt() : !node.canConvertToLong())) {
                error(path, node, "must be an integer");
                return null;
            }
            if (!checkRange(node.doubleValue(), range, path, node, true)) {
                return null;
            }
            return raw == int.class ? (Object) node.intValue() : (Object) node.longValue();
        }
        if (raw == String.class) {
            if (!node.isTextual()) {
                error(path, node, "must be a string");
                return null;
            }
            return node.textValue();
        }
        if (raw == Experience.class) {
            return enumById(node, path, Experience.values(), Experience::id);
        }
        if (raw == PricingIndicator.class) {
            return enumById(node, path, PricingIndicator.values(), PricingIndicator::id);
        }
        if (raw == UncertainParameter.Shape.class) {
            return enumById(node, path, UncertainParameter.Shape.values(), s -> s.name().toLowerCase(Locale.ROOT));
        }
        if (raw == PersonalisationLevel.class) {
            if (!node.isIntegralNumber() || node.intValue() < 1 || node.intValue() > 4) {
                error(path, node, "must be a personalisation level: an integer from 1 to 4");
                return null;
            }
            return PersonalisationLevel.of(node.intValue()).orElseThrow();
        }
        if (raw == List.class) {
            return bindList(node, (Class<?>) ((ParameterizedType) generic).getActualTypeArguments()[0], def, path);
        }
        if (raw == BillingModel.class) {
            return bindBilling(node, path);
        }
        if (raw.isRecord()) {
            Object d = def != null ? def : template(raw);
            return bindNested(node, raw, d, path, range);
        }
        throw new IllegalStateException("unsupported type " + raw + " at " + path);
    }

    /** Nested "values" records (per experience, per level) inherit the range of the field holding them. */
    private <T> T bindNested(JsonNode node, Class<T> type, Object def, String path, Param range) {
        if (!node.isObject()) {
            error(path, node, "must be an object");
            return null;
        }
        if (range != null) {
            for (RecordComponent rc : type.getRecordComponents()) {
                JsonNode child = node.get(rc.getName());
                if (child != null && child.isNumber() && !hasRange(rc.getAnnotation(Param.class))) {
                    checkRange(child.doubleValue(), range, path + "." + rc.getName(), child, false);
                }
            }
        }
        return bindRecord(node, type, type.cast(def), path, Set.of());
    }

    private List<Object> bindList(JsonNode node, Class<?> element, Object def, String path) {
        if (!node.isArray()) {
            error(path, node, "must be an array");
            return null;
        }
        List<?> base = def instanceof List<?> l ? l : List.of();
        List<Object> out = new ArrayList<>();
        Map<String, Integer> replaced = new LinkedHashMap<>();
        boolean ok = true;
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            String itemPath = path + "[" + i + "]";
            Object itemDefault = template(element);
            if (element == Segment.class && item.isObject()) {
                JsonNode name = item.get("name");
                if (name != null && name.isTextual()) {
                    Segment own = Segment.defaults(name.textValue());
                    if (mergeSegmentsByName) {
                        for (int j = 0; j < base.size(); j++) {
                            if (base.get(j) instanceof Segment s && s.name().equals(name.textValue())) {
                                own = s;
                                replaced.put(s.name(), out.size());
                            }
                        }
                    }
                    itemDefault = own;
                }
            }
            Object v = element.isRecord() ? bindRecord(item, element, cast(itemDefault), itemPath, Set.of())
                    : bindValue(item, element, null, itemPath, null, null);
            ok &= v != null;
            out.add(v);
        }
        if (!ok) {
            return null;
        }
        if (element == Segment.class && mergeSegmentsByName) {
            // Keep the base segments in their order, replaced where the file names them, then new ones.
            List<Object> merged = new ArrayList<>();
            for (Object b : base) {
                Integer at = replaced.get(((Segment) b).name());
                merged.add(at == null ? b : out.get(at));
            }
            for (int i = 0; i < out.size(); i++) {
                if (!replaced.containsValue(i)) {
                    merged.add(out.get(i));
                }
            }
            return merged;
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }

    BillingModel bindBilling(JsonNode node, String path) {
        if (!node.isObject()) {
            error(path, node, "must be an object with a \"model\" field");
            return null;
        }
        JsonNode model = node.get("model");
        if (model == null || !model.isTextual() || !BILLING.containsKey(model.textValue())) {
            error(path + ".model", model, "must be one of " + BILLING.keySet());
            return null;
        }
        Class<? extends BillingModel> type = BILLING.get(model.textValue());
        return bindRecord(node, type, cast(template(type)), path, Set.of("model"));
    }

    private <E> E enumById(JsonNode node, String path, E[] values, java.util.function.Function<E, String> id) {
        if (node.isTextual()) {
            for (E v : values) {
                if (id.apply(v).equals(node.textValue())) {
                    return v;
                }
            }
        }
        error(path, node, "must be one of " + Arrays.stream(values).map(id).toList());
        return null;
    }

    private boolean checkRange(double v, Param range, String path, JsonNode node, boolean integer) {
        if (range == null || (v >= range.min() && v <= range.max())) {
            return true;
        }
        error(path, node, rangeMessage(range, integer));
        return false;
    }

    static String rangeMessage(Param range, boolean integer) {
        if (range.min() == 0 && range.max() == 1 && range.unit().startsWith("probability")) {
            return "must be a probability in [0, 1]";
        }
        if (Double.isInfinite(range.max())) {
            if (range.min() == 0) {
                return integer ? "must be a non-negative count" : "must be >= 0";
            }
            return "must be >= " + fmt(range.min());
        }
        if (integer && range.min() == 0) {
            return "must be a non-negative count no larger than " + fmt(range.max());
        }
        return "must be in [" + fmt(range.min()) + ", " + fmt(range.max()) + "]";
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    static boolean hasRange(Param p) {
        return p != null && (Double.isFinite(p.min()) || Double.isFinite(p.max()));
    }

    private static Object typeDefault(Class<?> t) {
        if (t == double.class) {
            return Double.NaN;
        }
        if (t == int.class) {
            return 0;
        }
        if (t == long.class) {
            return 0L;
        }
        return null;
    }

    /** Values of optional fields when nothing else provides them. */
    static Object template(Class<?> type) {
        if (type == Strategy.class) {
            return Strategy.of("template", Experience.RESPOND_TO_DESIRE, PersonalisationLevel.UNIFIED, new BillingModel.FlatPrice(0));
        }
        if (type == Segment.class) {
            return Segment.defaults("template");
        }
        if (type == RunSettings.class) {
            return RunSettings.defaults();
        }
        if (type == BillingModel.FlatPrice.class) {
            return new BillingModel.FlatPrice(0);
        }
        if (type == BillingModel.PersonalisedPricing.class) {
            return BillingModel.PersonalisedPricing.withDefaults(0, PricingIndicator.QUANTITY);
        }
        if (type == BillingModel.OutcomeSharing.class) {
            return new BillingModel.OutcomeSharing(0, 0);
        }
        if (type == BillingModel.ThirdPartyPays.class) {
            return new BillingModel.ThirdPartyPays(0, 0);
        }
        if (type == BillingModel.PayPerUse.class) {
            return new BillingModel.PayPerUse(0);
        }
        if (type == BillingModel.Subscription.class) {
            return new BillingModel.Subscription(0);
        }
        if (type == BillingModel.Commission.class) {
            return new BillingModel.Commission(0, 0);
        }
        return null;
    }

    private static Map<String, Class<? extends BillingModel>> billing() {
        Map<String, Class<? extends BillingModel>> m = new LinkedHashMap<>();
        m.put(RevenueModelKind.FLAT_PRICE.id(), BillingModel.FlatPrice.class);
        m.put(RevenueModelKind.PERSONALISED_PRICING.id(), BillingModel.PersonalisedPricing.class);
        m.put(RevenueModelKind.OUTCOME_SHARING.id(), BillingModel.OutcomeSharing.class);
        m.put(RevenueModelKind.THIRD_PARTY_PAYS.id(), BillingModel.ThirdPartyPays.class);
        m.put(RevenueModelKind.PAY_PER_USE.id(), BillingModel.PayPerUse.class);
        m.put(RevenueModelKind.SUBSCRIPTION.id(), BillingModel.Subscription.class);
        m.put(RevenueModelKind.COMMISSION.id(), BillingModel.Commission.class);
        return java.util.Collections.unmodifiableMap(m);
    }

    private static Object read(RecordComponent rc, Object o) {
        try {
            return rc.getAccessor().invoke(o);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
