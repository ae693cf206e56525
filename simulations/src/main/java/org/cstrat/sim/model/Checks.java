package org.cstrat.sim.model;

import java.util.List;
import java.util.Objects;

/** Argument checks for compact constructors; messages name the field and the value. */
public final class Checks {
    private Checks() {
    }

    /**
     * An ISO 4217 currency code: three capital letters the JDK's currency table knows (USD, EUR, JPY ...).
     * @return the code
     */
    public static String currency(String field, String code) {
        boolean known = false;
        if (code != null && code.matches("[A-Z]{3}")) {
            try {
                java.util.Currency.getInstance(code);
                known = true;
            } catch (IllegalArgumentException e) {
                known = false;
            }
        }
        if (!known) {
            throw new IllegalArgumentException(field + ": must be an ISO 4217 currency code such as USD, EUR or JPY, was " + code);
        }
        return code;
    }

    public static double range(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(field + " must be in [" + min + ", " + max + "], was " + value);
        }
        return value;
    }

    public static double probability(String field, double value) {
        return range(field, value, 0.0, 1.0);
    }

    public static double nonNegative(String field, double value) {
        return range(field, value, 0.0, Double.MAX_VALUE);
    }

    public static double positive(String field, double value) {
        if (!(value > 0.0 && value <= Double.MAX_VALUE)) {
            throw new IllegalArgumentException(field + " must be > 0, was " + value);
        }
        return value;
    }

    public static int intRange(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be in [" + min + ", " + max + "], was " + value);
        }
        return value;
    }

    public static String name(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must be a non-blank string, was " + value);
        }
        return value;
    }

    public static <T> T present(String field, T value) {
        return Objects.requireNonNull(value, () -> field + " is required, was null");
    }

    public static <T> List<T> nonEmptyCopy(String field, List<T> value) {
        present(field, value);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(field + " must not be empty, was []");
        }
        for (int i = 0; i < value.size(); i++) {
            present(field + "[" + i + "]", value.get(i));
        }
        return List.copyOf(value);
    }
}
