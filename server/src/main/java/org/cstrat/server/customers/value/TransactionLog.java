package org.cstrat.server.customers.value;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A validated list of purchases, read from a CSV file with the columns {@code customer_id,date,amount}, and
 * the calibration-period summaries that the BG/NBD, Gamma-Gamma and RFM computations start from.
 *
 * <p>Input format (see {@link #parse(String, byte[])}): UTF-8 (strict; a leading byte-order mark is allowed),
 * a header line naming at least the three columns in any order (extra columns are ignored), RFC 4180 quoting,
 * dates {@code YYYY-MM-DD}, amounts plain decimals {@code >= 0} with a dot ({@code 12.50}).
 *
 * @param source       the file name used in error messages
 * @param transactions the purchases in file order
 */
public record TransactionLog(String source, List<Transaction> transactions) {

    public TransactionLog {
        Objects.requireNonNull(source, "source");
        transactions = List.copyOf(transactions);
        if (transactions.isEmpty()) {
            throw new IllegalArgumentException("transactions must not be empty (source " + source + ")");
        }
    }

    /**
     * Reads and validates a transaction log.
     *
     * @throws TransactionLogException listing every problem with file, line and column
     * @throws UncheckedIOException    if the file cannot be read
     */
    public static TransactionLog read(Path file) {
        try {
            return parse(file.toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read transaction log " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads and validates a transaction log from a stream (not closed here). */
    public static TransactionLog read(String source, InputStream in) {
        try {
            return parse(source, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read transaction log " + source + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses and validates the bytes of a transaction log.
     *
     * @throws TransactionLogException listing every problem with file, line and column
     */
    public static TransactionLog parse(String source, byte[] content) {
        return new TransactionLog(source, TransactionCsvParser.parse(source, content));
    }

    /** The last purchase day in the log. */
    public LocalDate lastDate() {
        return transactions.stream().map(Transaction::date).max(LocalDate::compareTo).orElseThrow();
    }

    /**
     * Summarises each customer's calibration period, which ends on {@code calibrationEnd} (inclusive).
     * Same-day purchases are one transaction (amounts summed); the first purchase day is not a repeat;
     * customers whose first purchase is after the end are left out; purchases after the end are ignored.
     *
     * @return one summary per customer, in order of first appearance in the log
     */
    public List<CustomerSummary> summarise(LocalDate calibrationEnd) {
        Objects.requireNonNull(calibrationEnd, "calibrationEnd");
        List<CustomerSummary> out = new ArrayList<>();
        for (Map.Entry<String, NavigableMap<LocalDate, BigDecimal>> e : purchaseDays().entrySet()) {
            NavigableMap<LocalDate, BigDecimal> days = e.getValue();
            LocalDate first = days.firstKey();
            if (first.isAfter(calibrationEnd)) {
                continue;
            }
            NavigableMap<LocalDate, BigDecimal> calibration = days.headMap(calibrationEnd, true);
            int x = calibration.size() - 1;
            BigDecimal repeat = BigDecimal.ZERO;
            for (BigDecimal amount : calibration.tailMap(first, false).values()) {
                repeat = repeat.add(amount);
            }
            int recency = (int) ChronoUnit.DAYS.between(first, calibration.lastKey());
            int age = (int) ChronoUnit.DAYS.between(first, calibrationEnd);
            out.add(new CustomerSummary(e.getKey(), first, x, recency, age, days.get(first), repeat));
        }
        return List.copyOf(out);
    }

    /**
     * Number of purchase days per customer after {@code calibrationEnd} up to {@code holdoutEnd} (inclusive),
     * for customers whose first purchase is on or before {@code calibrationEnd}; for holdout validation.
     */
    public Map<String, Integer> holdoutPurchaseDays(LocalDate calibrationEnd, LocalDate holdoutEnd) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Map.Entry<String, NavigableMap<LocalDate, BigDecimal>> e : purchaseDays().entrySet()) {
            if (!e.getValue().firstKey().isAfter(calibrationEnd)) {
                out.put(e.getKey(), e.getValue().subMap(calibrationEnd, false, holdoutEnd, true).size());
            }
        }
        return out;
    }

    private Map<String, NavigableMap<LocalDate, BigDecimal>> purchaseDays() {
        Map<String, NavigableMap<LocalDate, BigDecimal>> byCustomer = new LinkedHashMap<>();
        for (Transaction t : transactions) {
            byCustomer.computeIfAbsent(t.customerId(), k -> new TreeMap<>()).merge(t.date(), t.amount(), BigDecimal::add);
        }
        return byCustomer;
    }
}
