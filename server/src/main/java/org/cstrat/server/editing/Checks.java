package org.cstrat.server.editing;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.cstrat.server.core.ValidationException;
import org.cstrat.input.FieldError;

/** Collects field errors while a command is read from its input; {@link #done()} throws them all at once (400). */
final class Checks {

    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
    static final int NAME_MAX = 120;
    static final int TEXT_MAX = 2000;

    private final Input in;
    private final List<FieldError> errors = new ArrayList<>();

    Checks(Input in) {
        this.in = in;
    }

    void error(String field, String message) {
        if (errors.stream().noneMatch(e -> e.field().equals(field))) {
            errors.add(FieldError.path(field, message));
        }
    }

    /** A required name: not blank, at most {@value #NAME_MAX} characters, no control characters. */
    String name(String field) {
        String v = in.text(field);
        if (v == null) {
            error(field, "must not be empty");
            return "";
        }
        return text(field, v, NAME_MAX);
    }

    String optionalText(String field, int max) {
        String v = in.text(field);
        return v == null ? null : text(field, v, max);
    }

    private String text(String field, String v, int max) {
        if (v.length() > max) {
            error(field, "must be at most " + max + " characters, got " + v.length());
        }
        if (v.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            error(field, "must not contain control characters");
        }
        return v;
    }

    /**
     * An id: given, or (when {@code fallbackName} is not null) derived from a name; lower-case letters,
     * digits, '-' and '_'.
     */
    String id(String field, String fallbackName) {
        String v = in.text(field);
        if (v == null && fallbackName != null && !fallbackName.isBlank()) {
            v = slug(fallbackName);
        }
        if (v == null || v.isEmpty()) {
            error(field, "must not be empty");
            return "";
        }
        if (!ID.matcher(v).matches()) {
            error(field, "'" + v + "' is not a valid id: use 1-63 lower-case letters, digits, '-' or '_', starting with a letter or digit");
        }
        return v;
    }

    /** One of the allowed values, or null when blank and optional. */
    String oneOf(String field, List<String> allowed, boolean required, String what) {
        String v = in.text(field);
        if (v == null) {
            if (required) {
                error(field, "must not be empty; one of " + String.join(", ", allowed));
            }
            return null;
        }
        if (!allowed.contains(v)) {
            error(field, "unknown " + what + " '" + v + "'; one of " + String.join(", ", allowed));
            return null;
        }
        return v;
    }

    Integer integer(String field, int min, int max) {
        String v = in.text(field);
        if (v == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                error(field, "must be between " + min + " and " + max + ", got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            error(field, "must be a whole number, got '" + v + "'");
            return null;
        }
    }

    Double decimal(String field, double min) {
        String v = in.text(field);
        if (v == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d) || d < min) {
                error(field, "must be a number of at least " + min + ", got " + v);
            }
            return d;
        } catch (NumberFormatException e) {
            error(field, "must be a number, got '" + v + "'");
            return null;
        }
    }

    boolean flag(String field) {
        return in.flag(field);
    }

    List<String> ids(String field) {
        List<String> values = in.list(field);
        for (int i = 0; i < values.size(); i++) {
            if (!ID.matcher(values.get(i)).matches()) {
                error(field, "'" + values.get(i) + "' (item " + (i + 1) + ") is not a valid id");
            }
        }
        return values;
    }

    /** The id must match the one in the path, when the body names one. */
    void sameId(String field, String pathId) {
        String v = in.text(field);
        if (v != null && !v.equals(pathId)) {
            error(field, "cannot change the id ('" + pathId + "' in the path, '" + v + "' in the body)");
        }
    }

    /** Throws every error found, an unknown field of a JSON body included (the same rule as the simulation API's). */
    void done() {
        for (String field : in.unread()) {
            error(field, "unknown field; expected one of " + in.asked());
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String s = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return s.length() > 63 ? s.substring(0, 63).replaceAll("-+$", "") : s;
    }
}
