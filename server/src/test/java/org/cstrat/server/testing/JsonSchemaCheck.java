package org.cstrat.server.testing;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks a JSON document against the subset of JSON Schema 2020-12 that the shipped scenario schema
 * ({@code simulations/scenarios/scenario.schema.json}) uses: {@code type}, {@code properties},
 * {@code additionalProperties}, {@code required}, {@code minimum}, {@code maximum}, {@code const}, {@code enum},
 * {@code minLength}, {@code pattern}, {@code items}, {@code minItems}, {@code oneOf} and local {@code $ref}s. Any other keyword
 * fails the check, so a schema that grows cannot pass unchecked. (No validator library is on the build's path.)
 */
public final class JsonSchemaCheck {

    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$defs", "title", "description", "default");

    private final JsonNode root;

    public JsonSchemaCheck(JsonNode schema) {
        this.root = schema;
    }

    /** Every violation as {@code path: message}; empty when the document is valid. */
    public List<String> errors(JsonNode document) {
        List<String> errors = new ArrayList<>();
        check(root, document, "$", errors);
        return errors;
    }

    private void check(JsonNode schema, JsonNode value, String path, List<String> errors) {
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String keyword = e.getKey();
            JsonNode arg = e.getValue();
            switch (keyword) {
                case "$ref" -> check(resolve(arg.asText()), value, path, errors);
                case "type" -> {
                    if (!hasType(value, arg.asText())) {
                        errors.add(path + ": not of type " + arg.asText() + ": " + value);
                    }
                }
                case "properties" -> {
                    if (value.isObject()) {
                        arg.fields().forEachRemaining(p -> {
                            if (value.has(p.getKey())) {
                                check(p.getValue(), value.get(p.getKey()), path + "." + p.getKey(), errors);
                            }
                        });
                    }
                }
                case "additionalProperties" -> {
                    if (value.isObject()) {
                        value.fieldNames().forEachRemaining(name -> {
                            if (!schema.path("properties").has(name)) {
                                if (arg.isBoolean() && !arg.asBoolean()) {
                                    errors.add(path + "." + name + ": property not allowed");
                                } else if (arg.isObject()) {
                                    check(arg, value.get(name), path + "." + name, errors);
                                }
                            }
                        });
                    }
                }
                case "required" -> arg.forEach(name -> {
                    if (value.isObject() && !value.has(name.asText())) {
                        errors.add(path + "." + name.asText() + ": required");
                    }
                });
                case "minimum" -> {
                    if (value.isNumber() && value.asDouble() < arg.asDouble()) {
                        errors.add(path + ": " + value + " below the minimum " + arg);
                    }
                }
                case "maximum" -> {
                    if (value.isNumber() && value.asDouble() > arg.asDouble()) {
                        errors.add(path + ": " + value + " above the maximum " + arg);
                    }
                }
                case "const" -> {
                    if (!arg.equals(value)) {
                        errors.add(path + ": must be " + arg + ", was " + value);
                    }
                }
                case "enum" -> {
                    boolean found = false;
                    for (JsonNode option : arg) {
                        found |= option.equals(value);
                    }
                    if (!found) {
                        errors.add(path + ": " + value + " not one of " + arg);
                    }
                }
                case "minLength" -> {
                    if (value.isTextual() && value.asText().codePointCount(0, value.asText().length()) < arg.asInt()) {
                        errors.add(path + ": shorter than " + arg);
                    }
                }
                case "pattern" -> {
                    // JSON Schema patterns are ECMA 262; the ones the scenario schema uses (^[A-Z]{3}$) mean the same in Java
                    if (value.isTextual() && !java.util.regex.Pattern.compile(arg.asText()).matcher(value.asText()).find()) {
                        errors.add(path + ": does not match " + arg.asText());
                    }
                }
                case "items" -> {
                    if (value.isArray()) {
                        for (int i = 0; i < value.size(); i++) {
                            check(arg, value.get(i), path + "[" + i + "]", errors);
                        }
                    }
                }
                case "minItems" -> {
                    if (value.isArray() && value.size() < arg.asInt()) {
                        errors.add(path + ": fewer than " + arg + " items");
                    }
                }
                case "oneOf" -> {
                    int matches = 0;
                    for (JsonNode option : arg) {
                        List<String> own = new ArrayList<>();
                        check(option, value, path, own);
                        matches += own.isEmpty() ? 1 : 0;
                    }
                    if (matches != 1) {
                        errors.add(path + ": matches " + matches + " of the oneOf alternatives, not exactly one");
                    }
                }
                default -> {
                    if (!ANNOTATIONS.contains(keyword)) {
                        throw new IllegalStateException("JSON Schema keyword '" + keyword + "' at " + path + " is not supported by this check");
                    }
                }
            }
        }
    }

    private JsonNode resolve(String ref) {
        if (!ref.startsWith("#/")) {
            throw new IllegalStateException("only local $refs are supported, got " + ref);
        }
        JsonNode node = root.at(ref.substring(1));
        if (node.isMissingNode()) {
            throw new IllegalStateException("unresolvable $ref " + ref);
        }
        return node;
    }

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "number" -> value.isNumber();
            case "integer" -> value.isIntegralNumber() || (value.isNumber() && value.asDouble() == Math.rint(value.asDouble()));
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> throw new IllegalStateException("unknown type " + type);
        };
    }
}
