package org.cstrat.server.console;

import java.time.Duration;
import java.util.LinkedHashMap;
import org.cstrat.server.core.InvalidRequestException;
import java.util.Map;

/**
 * One query for the read-only console.
 *
 * @param timeout how long the database lets it run before cancelling it (at most {@link #MAX_TIMEOUT})
 * @param maxRows rows returned at most; the result says when it was cut (at most {@link #MAX_ROWS})
 * @param maxBytes bytes of JSON the rows may take at most; the result says when it was cut (at most {@link #MAX_BYTES})
 */
public record ConsoleRequest(String query, Map<String, Object> parameters, Duration timeout, int maxRows, int maxBytes) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration MAX_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_ROWS = 10_000;
    public static final int MAX_ROWS = 10_000;
    public static final int MAX_QUERY_LENGTH = 100_000;
    public static final int DEFAULT_MAX_BYTES = 16_000_000;
    public static final int MAX_BYTES = 16_000_000;
    public static final int MIN_BYTES = 1_000;

    public ConsoleRequest {
        if (query == null || query.isBlank()) {
            throw new InvalidRequestException("query", "must not be empty");
        }
        if (query.length() > MAX_QUERY_LENGTH) {
            throw new InvalidRequestException("query", "at most " + MAX_QUERY_LENGTH + " characters, got " + query.length());
        }
        parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new InvalidRequestException("timeoutSeconds", "must be between 1 and " + MAX_TIMEOUT.toSeconds() + ", got " + timeout.toSeconds());
        }
        if (maxRows < 1 || maxRows > MAX_ROWS) {
            throw new InvalidRequestException("maxRows", "must be between 1 and " + MAX_ROWS + ", got " + maxRows);
        }
        if (maxBytes < MIN_BYTES || maxBytes > MAX_BYTES) {
            throw new InvalidRequestException("maxBytes", "must be between " + MIN_BYTES + " and " + MAX_BYTES + ", got " + maxBytes);
        }
    }

    public ConsoleRequest(String query, Map<String, Object> parameters, Duration timeout, int maxRows) {
        this(query, parameters, timeout, maxRows, DEFAULT_MAX_BYTES);
    }
}
