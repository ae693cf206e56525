package org.cstrat.server.customers.value;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes a {@link ClvFit} as JSON (no library needed). Shape:
 * <pre>
 * {
 *   "bgnbd": {"r": {"estimate": 0.2426, "se": 0.0126}, "alpha": {...}, "a": {...}, "b": {...},
 *             "loglik": -9582.43, "customers": 2357, "converged": true, "message": "...",
 *             "covariance": {"names": ["r", "alpha", "a", "b"], "matrix": [[...], ...]}},
 *   "gammagamma": {"p": {...}, "q": {...}, "v": {...}, "loglik": -4055.92, "customers": 946,
 *                  "excludedZeroSpend": 0, "spendFrequencyCorrelation": 0.11, "converged": true, "message": "...",
 *                  "covariance": {...}},
 *   "customers": 2357,
 *   "calibrationEnd": "1997-09-30",
 *   "converged": true
 * }
 * </pre>
 * A standard error or covariance that is unavailable is written as {@code null}, as is any non-finite number.
 * {@code calibrationEnd} is present only when given.
 */
public final class ClvJson {

    private ClvJson() {
    }

    /** The fit as JSON, without a calibration end date. */
    public static String write(ClvFit fit) {
        return write(fit, null);
    }

    /** The fit as JSON; {@code calibrationEnd} may be {@code null} to leave it out. */
    public static String write(ClvFit fit, LocalDate calibrationEnd) {
        Objects.requireNonNull(fit, "fit");
        StringBuilder sb = new StringBuilder("{\n");
        BgNbdFit bg = fit.bgnbd();
        sb.append("  \"bgnbd\": {\n");
        estimate(sb, "r", bg.r());
        estimate(sb, "alpha", bg.alpha());
        estimate(sb, "a", bg.a());
        estimate(sb, "b", bg.b());
        field(sb, "loglik", number(bg.logLikelihood()));
        field(sb, "customers", Integer.toString(bg.customers()));
        convergence(sb, bg.convergence());
        covariance(sb, bg.covariance());
        sb.append("  },\n");
        GammaGammaFit gg = fit.gammagamma();
        sb.append("  \"gammagamma\": {\n");
        estimate(sb, "p", gg.p());
        estimate(sb, "q", gg.q());
        estimate(sb, "v", gg.v());
        field(sb, "loglik", number(gg.logLikelihood()));
        field(sb, "customers", Integer.toString(gg.customers()));
        field(sb, "excludedZeroSpend", Integer.toString(gg.excludedZeroSpend()));
        field(sb, "spendFrequencyCorrelation", number(gg.spendFrequencyCorrelation()));
        convergence(sb, gg.convergence());
        covariance(sb, gg.covariance());
        sb.append("  },\n");
        sb.append("  \"customers\": ").append(fit.customers()).append(",\n");
        if (calibrationEnd != null) {
            sb.append("  \"calibrationEnd\": ").append(string(calibrationEnd.toString())).append(",\n");
        }
        sb.append("  \"converged\": ").append(fit.converged()).append('\n');
        return sb.append("}\n").toString();
    }

    private static void estimate(StringBuilder sb, String name, Estimate e) {
        field(sb, name, "{\"estimate\": " + number(e.estimate()) + ", \"se\": " + number(e.se()) + "}");
    }

    private static void convergence(StringBuilder sb, Convergence c) {
        field(sb, "converged", Boolean.toString(c.converged()));
        field(sb, "message", string(c.message()));
    }

    private static void covariance(StringBuilder sb, Optional<CovarianceMatrix> covariance) {
        sb.append("    \"covariance\": ");
        if (covariance.isEmpty()) {
            sb.append("null\n");
            return;
        }
        CovarianceMatrix m = covariance.get();
        sb.append("{\"names\": [");
        List<String> names = m.names();
        for (int i = 0; i < names.size(); i++) {
            sb.append(i > 0 ? ", " : "").append(string(names.get(i)));
        }
        sb.append("], \"matrix\": [");
        for (int i = 0; i < m.size(); i++) {
            sb.append(i > 0 ? ", [" : "[");
            for (int j = 0; j < m.size(); j++) {
                sb.append(j > 0 ? ", " : "").append(number(m.get(i, j)));
            }
            sb.append(']');
        }
        sb.append("]}\n");
    }

    private static void field(StringBuilder sb, String name, String json) {
        sb.append("    ").append(string(name)).append(": ").append(json).append(",\n");
    }

    /** A JSON number, or {@code null} for NaN and infinities (which JSON cannot represent). */
    static String number(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "null";
    }

    /** A JSON string literal with the escapes of RFC 8259 section 7. */
    static String string(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (ch < 0x20) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
