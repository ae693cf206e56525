package org.cstrat.server.customers.value;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One purchase: who, on which day, for how much. Amounts are exact decimals (no binary rounding of cents).
 *
 * @param customerId non-blank customer identifier
 * @param date       the day of the purchase
 * @param amount     the amount spent, {@code >= 0}
 */
public record Transaction(String customerId, LocalDate date, BigDecimal amount) {

    public Transaction {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(amount, "amount");
        if (customerId.isBlank()) {
            throw new IllegalArgumentException("customerId must not be blank, was \"" + customerId + "\"");
        }
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("amount must be >= 0, was " + amount.toPlainString());
        }
    }
}
