package org.cstrat.server.customers.value;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A customer's calibration-period history built from a transaction log, exact to the day and the cent.
 *
 * <p>Conventions (those of Fader, Hardie &amp; Lee 2005 for CDNOW): purchases on the same day are one
 * transaction with their amounts summed; the first purchase day is not a repeat transaction; time is in
 * weeks of 7 days.
 *
 * @param customerId    the customer
 * @param firstPurchase the first purchase day
 * @param x             number of repeat purchase days up to and including the calibration end
 * @param recencyDays   days from the first purchase day to the last repeat purchase day (0 when x = 0)
 * @param ageDays       days from the first purchase day to the calibration end
 * @param firstAmount   amount spent on the first purchase day
 * @param repeatAmount  total amount spent on the repeat purchase days in the calibration period
 */
public record CustomerSummary(String customerId, LocalDate firstPurchase, int x, int recencyDays, int ageDays,
                              BigDecimal firstAmount, BigDecimal repeatAmount) {

    /** Days per week: the time unit of the models. */
    public static final double DAYS_PER_WEEK = 7.0;

    public CustomerSummary {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(firstPurchase, "firstPurchase");
        Objects.requireNonNull(firstAmount, "firstAmount");
        Objects.requireNonNull(repeatAmount, "repeatAmount");
        if (customerId.isBlank()) {
            throw new IllegalArgumentException("customerId must not be blank, was \"" + customerId + "\"");
        }
        if (x < 0) {
            throw new IllegalArgumentException("x must be >= 0, was " + x + " for customer " + customerId);
        }
        if (ageDays < 0) {
            throw new IllegalArgumentException("ageDays must be >= 0, was " + ageDays + " for customer " + customerId);
        }
        if (recencyDays < 0 || recencyDays > ageDays) {
            throw new IllegalArgumentException("recencyDays must be in [0, ageDays=" + ageDays + "], was "
                    + recencyDays + " for customer " + customerId);
        }
        if (x == 0 && recencyDays != 0) {
            throw new IllegalArgumentException("recencyDays must be 0 when x is 0, was " + recencyDays
                    + " for customer " + customerId);
        }
        if (x > recencyDays) {
            throw new IllegalArgumentException("x repeat purchase days need at least x days of recency: x=" + x
                    + ", recencyDays=" + recencyDays + " for customer " + customerId);
        }
        if (firstAmount.signum() < 0) {
            throw new IllegalArgumentException("firstAmount must be >= 0, was " + firstAmount.toPlainString()
                    + " for customer " + customerId);
        }
        if (repeatAmount.signum() < 0 || (x == 0 && repeatAmount.signum() != 0)) {
            throw new IllegalArgumentException("repeatAmount must be >= 0 and 0 when x is 0, was "
                    + repeatAmount.toPlainString() + " for customer " + customerId);
        }
    }

    /** t_x: weeks from the first purchase to the last repeat purchase. */
    public double tx() {
        return recencyDays / DAYS_PER_WEEK;
    }

    /** T: weeks from the first purchase to the calibration end. */
    public double T() {
        return ageDays / DAYS_PER_WEEK;
    }

    /** zbar: mean amount per repeat purchase day (0 when x = 0), as a double. */
    public double zbar() {
        return x == 0 ? 0.0 : repeatAmount.divide(BigDecimal.valueOf(x), MathContext.DECIMAL64).doubleValue();
    }

    /** Weeks since the last purchase (first or repeat) at the calibration end: T - t_x. */
    public double weeksSinceLastPurchase() {
        return (ageDays - recencyDays) / DAYS_PER_WEEK;
    }

    /** Mean amount per purchase day, first purchase included (used by RFM, not by the models). */
    public double meanSpendPerPurchaseDay() {
        return firstAmount.add(repeatAmount).divide(BigDecimal.valueOf(x + 1L), MathContext.DECIMAL64).doubleValue();
    }

    /** The model inputs (x, t_x, T, zbar) in weeks. */
    public CustomerHistory history() {
        return new CustomerHistory(x, tx(), T(), zbar());
    }

    /** The model inputs of each summary, in the same order. */
    public static List<CustomerHistory> histories(List<CustomerSummary> summaries) {
        return summaries.stream().map(CustomerSummary::history).toList();
    }
}
