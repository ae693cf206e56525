package org.cstrat.server.editing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The raw fields of a submitted form or JSON body, read the same way: {@link #text} (trimmed, null when
 * absent or blank), {@link #list} (repeated form fields, a JSON array, or a comma-separated string) and
 * {@link #flag} (a checked box, {@code true}).
 */
public interface Input {

    String text(String field);

    List<String> list(String field);

    boolean flag(String field);

    /** The raw values as they were submitted, to show them again in a form with errors. */
    Map<String, List<String>> raw();

    /**
     * The submitted fields no reader has asked for so far, sorted: a JSON body's unknown fields, which
     * {@link Checks#done()} refuses. Empty for forms (a page may post a submit button's name and the like).
     */
    default List<String> unread() {
        return List.of();
    }

    /** The fields asked for so far, sorted: what the reader knows, for the message about an unknown one. */
    default List<String> asked() {
        return List.of();
    }

    static Input ofForm(Map<String, List<String>> params) {
        Map<String, List<String>> copy = Map.copyOf(params);
        return new Input() {
            @Override
            public String text(String field) {
                List<String> v = copy.get(field);
                return v == null || v.isEmpty() ? null : blankToNull(v.get(0));
            }

            @Override
            public List<String> list(String field) {
                List<String> out = new ArrayList<>();
                for (String v : copy.getOrDefault(field, List.of())) {
                    Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(out::add);
                }
                return out;
            }

            @Override
            public boolean flag(String field) {
                String v = text(field);
                return v != null && (v.equals("on") || v.equals("true") || v.equals("1") || v.equals("yes"));
            }

            @Override
            public Map<String, List<String>> raw() {
                return copy;
            }
        };
    }

    static Input ofJson(Map<String, Object> body) {
        Map<String, Object> copy = body == null ? Map.of() : new java.util.HashMap<>(body);
        java.util.Set<String> asked = new java.util.TreeSet<>();
        return new Input() {
            @Override
            public String text(String field) {
                asked.add(field);
                Object v = copy.get(field);
                return v == null || v instanceof Map || v instanceof List ? null : blankToNull(String.valueOf(v));
            }

            @Override
            public List<String> list(String field) {
                asked.add(field);
                Object v = copy.get(field);
                if (v instanceof List<?> items) {
                    return items.stream().filter(i -> i != null).map(i -> String.valueOf(i).strip()).filter(s -> !s.isEmpty()).toList();
                }
                return v == null ? List.of() : Arrays.stream(String.valueOf(v).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            }

            @Override
            public boolean flag(String field) {
                asked.add(field);
                Object v = copy.get(field);
                return Boolean.TRUE.equals(v) || "true".equals(v) || "on".equals(v);
            }

            @Override
            public List<String> unread() {
                return copy.keySet().stream().filter(k -> !asked.contains(k)).sorted().toList();
            }

            @Override
            public List<String> asked() {
                return List.copyOf(asked);
            }

            @Override
            public Map<String, List<String>> raw() {
                Map<String, List<String>> out = new java.util.HashMap<>();
                copy.forEach((k, v) -> out.put(k, v instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(v))));
                return out;
            }
        };
    }

    private static String blankToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
