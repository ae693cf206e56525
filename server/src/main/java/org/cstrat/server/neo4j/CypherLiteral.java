package org.cstrat.server.neo4j;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cypher literals (strings, numbers, booleans, null, lists, maps) read into Java values, so that a script statement
 * {@code UNWIND [ ...literal rows... ] AS x REST} can run as {@code UNWIND $rows AS x REST} with the rows as a parameter:
 * the same {@code REST} in several scripts is then planned once (Neo4j caches a plan per statement text, and does not
 * lift lists of maps into parameters itself). Values map as the Driver maps them back: integers to {@code Long},
 * decimals to {@code Double}.
 */
public final class CypherLiteral {

    private static final Pattern UNWIND_LITERAL = Pattern.compile("\\AUNWIND\\s*\\[");
    private static final Pattern AS_NAME = Pattern.compile("\\G\\s*AS\\s+([A-Za-z_][A-Za-z0-9_]*)\\b");
    private static final Pattern NUMBER = Pattern.compile("\\G-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final Pattern NAME = Pattern.compile("\\G[A-Za-z_][A-Za-z0-9_]*");

    /** A statement with its literal rows lifted into the parameter {@code rows}. */
    public record Lifted(String statement, Map<String, Object> parameters) {
        public Lifted {
            if (statement == null || statement.isBlank()) {
                throw new IllegalArgumentException("statement: must not be blank");
            }
            parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        }
    }

    private final String text;
    private int pos;

    private CypherLiteral(String text, int pos) {
        this.text = text;
        this.pos = pos;
    }

    /**
     * {@code UNWIND [literal] AS x REST} as {@code UNWIND $rows AS x REST} with {@code rows}; any other statement (or one
     * whose list is not a plain literal, e.g. holds a parameter or a function call) unchanged, without parameters.
     */
    public static Lifted liftUnwindRows(String statement) {
        Matcher start = UNWIND_LITERAL.matcher(statement);
        if (!start.find()) {
            return new Lifted(statement, Map.of());
        }
        CypherLiteral reader = new CypherLiteral(statement, start.end() - 1);
        Object rows;
        try {
            rows = reader.value();
        } catch (IllegalArgumentException notALiteral) {
            return new Lifted(statement, Map.of());
        }
        Matcher as = AS_NAME.matcher(statement);
        if (!as.find(reader.pos)) {
            return new Lifted(statement, Map.of());
        }
        return new Lifted("UNWIND $rows AS " + as.group(1) + statement.substring(as.end()), Map.of("rows", rows));
    }

    /** One literal, the whole of {@code text} (surrounding blanks allowed). */
    public static Object parse(String text) {
        CypherLiteral reader = new CypherLiteral(text, 0);
        Object value = reader.value();
        reader.skipBlanks();
        if (reader.pos != text.length()) {
            throw reader.error("end of the literal");
        }
        return value;
    }

    private Object value() {
        skipBlanks();
        if (pos >= text.length()) {
            throw error("a value");
        }
        char c = text.charAt(pos);
        if (c == '[') {
            return list();
        }
        if (c == '{') {
            return map();
        }
        if (c == '\'' || c == '"') {
            return string(c);
        }
        Matcher number = NUMBER.matcher(text);
        if (number.find(pos) && number.start() == pos) {
            pos = number.end();
            String n = number.group();
            return number.group(1) == null && number.group(2) == null ? (Object) Long.parseLong(n) : (Object) Double.parseDouble(n);
        }
        Matcher name = NAME.matcher(text);
        if (name.find(pos) && name.start() == pos) {
            String word = name.group();
            Object constant = switch (word.toLowerCase(java.util.Locale.ROOT)) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                case "null" -> null;
                default -> throw error("a literal (found '" + word + "')");
            };
            pos = name.end();
            return constant;
        }
        throw error("a literal");
    }

    private List<Object> list() {
        pos++; // [
        List<Object> items = new ArrayList<>();
        skipBlanks();
        if (peek(']')) {
            pos++;
            return items;
        }
        while (true) {
            items.add(value());
            skipBlanks();
            if (peek(',')) {
                pos++;
            } else if (peek(']')) {
                pos++;
                return items;
            } else {
                throw error("',' or ']'");
            }
        }
    }

    private Map<String, Object> map() {
        pos++; // {
        Map<String, Object> entries = new LinkedHashMap<>();
        skipBlanks();
        if (peek('}')) {
            pos++;
            return entries;
        }
        while (true) {
            skipBlanks();
            String key;
            if (peek('`')) {
                int end = text.indexOf('`', pos + 1);
                if (end < 0) {
                    throw error("a closing '`'");
                }
                key = text.substring(pos + 1, end);
                pos = end + 1;
            } else {
                Matcher name = NAME.matcher(text);
                if (!name.find(pos) || name.start() != pos) {
                    throw error("a key");
                }
                key = name.group();
                pos = name.end();
            }
            skipBlanks();
            if (!peek(':')) {
                throw error("':'");
            }
            pos++;
            if (entries.containsKey(key)) {
                throw error("a key not given twice ('" + key + "')");
            }
            entries.put(key, value());
            skipBlanks();
            if (peek(',')) {
                pos++;
            } else if (peek('}')) {
                pos++;
                return entries;
            } else {
                throw error("',' or '}'");
            }
        }
    }

    private String string(char quote) {
        StringBuilder out = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == quote) {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= text.length()) {
                break;
            }
            char e = text.charAt(pos++);
            switch (e) {
                case 't' -> out.append('\t');
                case 'b' -> out.append('\b');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 'f' -> out.append('\f');
                case '\'', '"', '\\' -> out.append(e);
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        throw error("four hex digits after \\u");
                    }
                    out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    pos += 4;
                }
                default -> throw error("a known escape (found \\" + e + ")");
            }
        }
        throw error("a closing " + quote);
    }

    private void skipBlanks() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '/' && pos + 1 < text.length() && text.charAt(pos + 1) == '/') {
                int end = text.indexOf('\n', pos);
                pos = end < 0 ? text.length() : end + 1;
            } else {
                return;
            }
        }
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private IllegalArgumentException error(String expected) {
        return new IllegalArgumentException("Cypher literal at offset " + pos + ": expected " + expected);
    }
}
