package org.cstrat.sim.model;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * Names every numeric parameter of a record tree by a path and rebuilds the tree with one value
 * changed. Paths are dotted component names; list elements are selected by their {@code name}
 * (e.g. {@code segments[commuters].willingnessToPay}) or, for unnamed elements, by index. This is
 * what the tornado swings and what a scenario's {@code uncertainty} entries refer to.
 */
public final class ParameterPaths {
    private ParameterPaths() {
    }

    /** A numeric leaf: its path, current value, valid range and documentation. */
    public record NumericParameter(String path, double value, double min, double max, boolean integer, String unit, String doc) {
        public NumericParameter {
            Checks.name("path", path);
        }

        /** Clamps {@code v} into the range, rounding integers. */
        public double clamp(double v) {
            double c = Math.max(min, Math.min(max, v));
            return integer ? Math.round(c) : c;
        }
    }

    /**
     * A parameter's name for people, from its path: the leaf's words, after its group when it is a value per
     * experience or per level, then where it sits ({@code costs.experienceCostFactor.respondToDesire} is "Experience
     * cost factor: respond to desire (costs)", {@code segments[commuters].willingnessToPay} "Willingness to pay
     * (segment commuters)"). A {@code strategy.} prefix ends as "(strategy)"; a {@code parameters.} prefix is dropped.
     */
    public static String label(String path) {
        Checks.name("path", path);
        String rest = path;
        List<String> where = new ArrayList<>();
        if (rest.startsWith("parameters.")) {
            rest = rest.substring("parameters.".length());
        } else if (rest.startsWith("strategy.")) {
            rest = rest.substring("strategy.".length());
            where.add("strategy");
        }
        List<String> parts = new ArrayList<>(List.of(rest.split("\\.(?![^\\[]*\\])")));
        String leaf = parts.remove(parts.size() - 1);
        String name = words(leaf);
        if (!parts.isEmpty() && GROUPED.contains(leaf.replaceAll("\\[.*", ""))) {
            name = words(parts.remove(parts.size() - 1)) + ": " + name;
        }
        for (String part : parts) {
            int b = part.indexOf('[');
            where.add(b < 0 ? words(part) : singular(words(part.substring(0, b))) + " " + part.substring(b + 1, part.length() - 1));
        }
        name = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        return where.isEmpty() ? name : name + " (" + String.join(", ", where) + ")";
    }

    /** Leaves that are one value of a group (per experience, per personalisation level): labelled after the group. */
    private static final java.util.Set<String> GROUPED = java.util.Set.of("respondToDesire", "curatedOffering", "coachBehavior",
            "automaticExecution", "level1", "level2", "level3", "level4");

    private static String words(String camel) {
        String w = camel.replaceAll("\\[.*", "").replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("([A-Za-z])([0-9])", "$1 $2");
        return w.toLowerCase(java.util.Locale.ROOT);
    }

    private static String singular(String w) {
        return w.endsWith("s") ? w.substring(0, w.length() - 1) : w;
    }

    /** Every numeric leaf of {@code root} (a record), depth first in component order. */
    public static List<NumericParameter> numeric(Record root) {
        List<NumericParameter> out = new ArrayList<>();
        walk(root, "", null, out);
        return List.copyOf(out);
    }

    /** The leaf at {@code path}, or an exception naming the path. */
    public static NumericParameter find(Record root, String path) {
        for (NumericParameter p : numeric(root)) {
            if (p.path().equals(path)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown numeric parameter path, was " + path);
    }

    /**
     * A copy of {@code root} with the leaf at {@code path} set to {@code value}; the records'
     * constructors validate the result.
     */
    @SuppressWarnings("unchecked")
    public static <R extends Record> R with(R root, String path, double value) {
        Checks.name("path", path);
        return (R) set(root, tokens(path), 0, value, path);
    }

    private static void walk(Object node, String prefix, Param inherited, List<NumericParameter> out) {
        for (RecordComponent rc : node.getClass().getRecordComponents()) {
            Object v = read(rc, node);
            Param own = rc.getAnnotation(Param.class);
            Param range = own != null && (Double.isFinite(own.min()) || Double.isFinite(own.max())) ? own : inherited;
            String path = prefix.isEmpty() ? rc.getName() : prefix + "." + rc.getName();
            Class<?> t = rc.getType();
            if (t == double.class || t == int.class || t == long.class) {
                out.add(new NumericParameter(path, ((Number) v).doubleValue(),
                        range == null ? Double.NEGATIVE_INFINITY : range.min(),
                        range == null ? Double.POSITIVE_INFINITY : range.max(),
                        t != double.class,
                        range == null ? "" : range.unit(),
                        // a value inside a documented group (per experience, per level) takes the group's meaning
                        own == null ? (range == null ? "" : range.value())
                                : range != null && range != own ? range.value() + " (" + own.value() + ")" : own.value()));
            } else if (v instanceof Record r) {
                walk(r, path, range == null ? own : range, out);
            } else if (v instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    if (list.get(i) instanceof Record r) {
                        walk(r, path + "[" + elementKey(r, i) + "]", null, out);
                    }
                }
            }
        }
    }

    private static String elementKey(Record r, int index) {
        for (RecordComponent rc : r.getClass().getRecordComponents()) {
            if (rc.getName().equals("name") && rc.getType() == String.class) {
                return (String) read(rc, r);
            }
        }
        return Integer.toString(index);
    }

    private static List<String> tokens(String path) {
        List<String> out = new ArrayList<>();
        for (String part : path.split("\\.(?![^\\[]*\\])")) {
            int b = part.indexOf('[');
            if (b >= 0) {
                out.add(part.substring(0, b));
                out.add(part.substring(b));
            } else {
                out.add(part);
            }
        }
        return out;
    }

    private static Object set(Object node, List<String> tokens, int at, double value, String path) {
        if (at >= tokens.size() || !(node instanceof Record)) {
            throw new IllegalArgumentException("unknown numeric parameter path, was " + path);
        }
        String name = tokens.get(at);
        RecordComponent[] comps = node.getClass().getRecordComponents();
        boolean found = false;
        Object[] args = new Object[comps.length];
        Class<?>[] types = new Class<?>[comps.length];
        for (int i = 0; i < comps.length; i++) {
            RecordComponent rc = comps[i];
            types[i] = rc.getType();
            Object v = read(rc, node);
            if (rc.getName().equals(name)) {
                found = true;
                if (at == tokens.size() - 1) {
                    Class<?> t = rc.getType();
                    if (t != double.class && t != int.class && t != long.class) {
                        throw new IllegalArgumentException("unknown numeric parameter path, was " + path);
                    }
                    v = rc.getType() == int.class ? (Object) (int) Math.round(value)
                            : rc.getType() == long.class ? (Object) Math.round(value) : (Object) value;
                } else if (v instanceof List<?> list) {
                    String key = tokens.get(at + 1);
                    if (!key.startsWith("[") || !key.endsWith("]")) {
                        throw new IllegalArgumentException("unknown numeric parameter path, was " + path);
                    }
                    key = key.substring(1, key.length() - 1);
                    List<Object> copy = new ArrayList<>(list);
                    boolean hit = false;
                    for (int j = 0; j < copy.size(); j++) {
                        if (copy.get(j) instanceof Record r && elementKey(r, j).equals(key)) {
                            copy.set(j, set(r, tokens, at + 2, value, path));
                            hit = true;
                        }
                    }
                    if (!hit) {
                        throw new IllegalArgumentException("unknown numeric parameter path, was " + path);
                    }
                    v = List.copyOf(copy);
                } else {
                    v = set(v, tokens, at + 1, value, path);
                }
            }
            args[i] = v;
        }
        if (!found) {
            throw new IllegalArgumentException("unknown numeric parameter path, was " + path);
        }
        try {
            Constructor<?> ctor = node.getClass().getDeclaredConstructor(types);
            return ctor.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot rebuild " + node.getClass().getSimpleName(), e);
        }
    }

    private static Object read(RecordComponent rc, Object node) {
        try {
            return rc.getAccessor().invoke(node);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + rc.getName(), e);
        }
    }
}
