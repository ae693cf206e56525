package org.cstrat.server.editing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

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

    /**
     * A JSON object's fields: a text field takes a string, number or boolean (as written), a list an array of them or a
     * comma-separated string, a flag {@code true} (or {@code "true"}, {@code "on"}); {@code null} is absent. Fields no
     * reader asks for are {@link #unread()}, so the command reading it refuses them with the others.
     */
    static Input ofJson(ObjectNode body) {
        ObjectNode copy = body.deepCopy();
        java.util.Set<String> asked = new java.util.TreeSet<>();
        return new Input() {
            @Override
            public String text(String field) {
                asked.add(field);
                JsonNode v = copy.get(field);
                return v == null || v.isNull() || v.isContainerNode() ? null : blankToNull(v.asText());
            }

            @Override
            public List<String> list(String field) {
                asked.add(field);
                JsonNode v = copy.get(field);
                if (v == null || v.isNull()) {
                    return List.of();
                }
                if (v.isArray()) {
                    List<String> out = new ArrayList<>();
                    v.forEach(i -> {
                        String s = i.isNull() ? "" : (i.isContainerNode() ? i.toString() : i.asText()).strip();
                        if (!s.isEmpty()) {
                            out.add(s);
                        }
                    });
                    return List.copyOf(out);
                }
                return Arrays.stream(textOf(v).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            }

            @Override
            public boolean flag(String field) {
                asked.add(field);
                JsonNode v = copy.get(field);
                return v != null && (v.isBoolean() ? v.booleanValue() : v.isTextual() && (v.textValue().equals("true") || v.textValue().equals("on")));
            }

            @Override
            public List<String> unread() {
                List<String> out = new ArrayList<>();
                copy.fieldNames().forEachRemaining(k -> {
                    if (!asked.contains(k)) {
                        out.add(k);
                    }
                });
                return out.stream().sorted().toList();
            }

            @Override
            public List<String> asked() {
                return List.copyOf(asked);
            }

            @Override
            public Map<String, List<String>> raw() {
                Map<String, List<String>> out = new java.util.HashMap<>();
                copy.fields().forEachRemaining(e -> {
                    JsonNode v = e.getValue();
                    List<String> values = new ArrayList<>();
                    if (v.isArray()) {
                        v.forEach(i -> values.add(textOf(i)));
                    } else {
                        values.add(textOf(v));
                    }
                    out.put(e.getKey(), values);
                });
                return out;
            }
        };
    }

    /** A JSON value as text: a scalar as written, a container as JSON. */
    private static String textOf(JsonNode v) {
        return v.isContainerNode() ? v.toString() : v.asText();
    }

    private static String blankToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
