package org.cstrat.server.customers.identity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The kinds of identifier a source system may hold for a customer, each with its normalisation: two
 * records are the same person when a normalised identifier of the same kind is equal.
 *
 * <ul>
 *   <li>{@code email}: trimmed, lower-cased; must have one {@code @} with text on both sides.</li>
 *   <li>{@code phone}: digits only ({@code +}, spaces, dots, dashes, brackets dropped); a leading
 *       {@code 00} is an international prefix and dropped; a 10-digit number is taken as North American
 *       and gets the country code 1; 8 to 15 digits after that.</li>
 *   <li>{@code loyalty_card}, {@code device_id}, {@code crm_id}: trimmed, upper-cased, spaces and
 *       dashes dropped.</li>
 * </ul>
 */
public enum IdentifierKind {
    EMAIL("email"), PHONE("phone"), LOYALTY_CARD("loyalty_card"), DEVICE_ID("device_id"), CRM_ID("crm_id");

    private static final Pattern EMAIL_SHAPE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE_NOISE = Pattern.compile("[\\s().\\-+/]");
    private static final Pattern CODE_NOISE = Pattern.compile("[\\s\\-]");

    private final String id;

    IdentifierKind(String id) {
        this.id = id;
    }

    /** The column name in {@code customers.csv} and the {@code kind} property of an {@code Identifier}. */
    public String id() {
        return id;
    }

    public static Optional<IdentifierKind> fromId(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
    }

    /** The normalised value, or empty when the raw value cannot be an identifier of this kind. */
    public Optional<String> normalise(String raw) {
        String v = raw.strip();
        if (v.isEmpty()) {
            return Optional.empty();
        }
        switch (this) {
            case EMAIL -> {
                String e = v.toLowerCase(Locale.ROOT);
                return EMAIL_SHAPE.matcher(e).matches() ? Optional.of(e) : Optional.empty();
            }
            case PHONE -> {
                String d = PHONE_NOISE.matcher(v).replaceAll("");
                if (!d.chars().allMatch(Character::isDigit)) {
                    return Optional.empty();
                }
                if (d.startsWith("00")) {
                    d = d.substring(2);
                }
                if (d.length() == 10) {
                    d = "1" + d;
                }
                return d.length() >= 8 && d.length() <= 15 ? Optional.of(d) : Optional.empty();
            }
            default -> {
                String c = CODE_NOISE.matcher(v).replaceAll("").toUpperCase(Locale.ROOT);
                return c.isEmpty() ? Optional.empty() : Optional.of(c);
            }
        }
    }

    /** A human hint for an invalid value. */
    public String expected() {
        return switch (this) {
            case EMAIL -> "an e-mail address like name@example.com";
            case PHONE -> "a phone number of 8 to 15 digits, e.g. +1 415 555 0101";
            default -> "a non-empty code";
        };
    }
}
