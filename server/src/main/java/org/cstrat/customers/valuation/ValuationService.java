package org.cstrat.customers.valuation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cstrat.customers.value.ClvFit;
import org.cstrat.customers.value.ClvFitter;
import org.cstrat.customers.value.ClvOptions;
import org.cstrat.customers.value.CovarianceMatrix;
import org.cstrat.customers.value.CustomerSummary;
import org.cstrat.customers.value.CustomerValuation;
import org.cstrat.customers.value.CustomerValue;
import org.cstrat.customers.value.Estimate;
import org.cstrat.customers.value.FitNotConvergedException;
import org.cstrat.customers.value.Transaction;
import org.cstrat.customers.value.TransactionLog;
import org.cstrat.server.UnprocessableException;
import org.cstrat.server.neo4j.CypherFiles;
import org.cstrat.server.neo4j.Reads;
import org.cstrat.server.neo4j.Sessions;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

/**
 * Customer value from the graph: a firm's purchases (paid {@code respond} steps through its touchpoints,
 * per unified customer) become a transaction log; the BG/NBD and Gamma-Gamma models of
 * {@code org.cstrat.customers.value} are fitted to it and every customer's P(alive), expected
 * transactions over {@link ClvOptions#horizonWeeks()}, expected spend, discounted CLV, RFM scores and model
 * inputs (x, t_x, T) are written to its {@code CUSTOMER_OF} relationship, the fit (with the covariance
 * matrices of the estimates) to a {@code (:ValueModel)} node, all in one transaction. A fit that does not converge stores nothing and says so.
 */
public final class ValuationService {

    private static final String PURCHASES = CypherFiles.query("customers/value_purchases");
    private static final String WRITE_CUSTOMERS = CypherFiles.query("customers/value_write_customers");
    private static final String WRITE_MODEL = CypherFiles.query("customers/value_write_model");
    private static final String READ = CypherFiles.query("customers/value_read");
    private static final int BATCH = 10_000;

    private final Driver driver;
    private final Reads reads;
    private final ClvOptions options;

    public ValuationService(Driver driver) {
        this(driver, ClvOptions.DEFAULTS);
    }

    public ValuationService(Driver driver, ClvOptions options) {
        this.driver = driver;
        this.reads = new Reads(driver);
        this.options = options;
    }

    /** The stored value model and summary, if the firm was valued. */
    public Optional<FirmValue> value(String firm) {
        return reads.list(READ, Map.of("firm", firm), r -> new FirmValue(firm, r.get("model").asMap(),
                r.get("classes").asList(v -> new FirmValue.ClassSummary(v.get("rfmClass").asString(), v.get("customers").asLong(),
                        v.get("pAlive").asDouble(), v.get("clv").asDouble(), v.get("totalClv").asDouble(),
                        v.get("expectedTransactions").asDouble())))).stream().findFirst();
    }

    /**
     * Fits the models on the firm's purchases up to {@code end} (inclusive; null = the last purchase day)
     * and writes the values back.
     *
     * @throws UnprocessableException when the firm has no purchases or the fit does not converge (nothing is written)
     */
    public FirmValue valueCustomers(String firm, LocalDate end) {
        List<Transaction> transactions = reads.list(PURCHASES, Map.of("firm", firm), ValuationService::transaction);
        if (transactions.isEmpty()) {
            throw new UnprocessableException("firm '" + firm + "' has no purchases (paid respond steps) to fit customer-value models to");
        }
        TransactionLog log = new TransactionLog("graph:" + firm, transactions);
        LocalDate calibrationEnd = end == null ? log.lastDate() : end;
        List<CustomerSummary> summaries = log.summarise(calibrationEnd);
        if (summaries.isEmpty()) {
            throw new UnprocessableException("firm '" + firm + "' has no customer whose first purchase is on or before " + calibrationEnd);
        }
        ClvFit fit;
        try {
            fit = new ClvFitter().fitSummaries(summaries);
        } catch (FitNotConvergedException e) {
            throw new UnprocessableException("The customer-value fit for firm '" + firm + "' did not converge; nothing was stored. "
                    + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new UnprocessableException("The customer-value models cannot be fitted to firm '" + firm + "': " + e.getMessage(), e);
        }
        List<CustomerValue> values;
        try {
            values = CustomerValuation.of(fit, options).value(summaries);
        } catch (IllegalArgumentException e) {
            throw new UnprocessableException("Customer values cannot be computed for firm '" + firm + "': " + e.getMessage(), e);
        }
        Map<String, Object> model = model(fit, calibrationEnd);
        try (Session session = Sessions.open(driver)) {
            session.executeWriteWithoutResult(tx -> {
                tx.run(WRITE_MODEL, Map.of("firm", firm, "model", model)).consume();
                List<Map<String, Object>> rows = new ArrayList<>();
                for (CustomerValue v : values) {
                    Map<String, Object> row = new HashMap<>();
                    row.put("customer", v.customerId());
                    row.put("pAlive", v.probabilityAlive());
                    row.put("expectedTransactions", v.expectedTransactions());
                    row.put("expectedSpend", v.expectedSpend());
                    row.put("clv", v.clv());
                    row.put("rfm", v.rfm().code());
                    row.put("rfmClass", v.rfm().rfmClass().label());
                    row.put("valuedAt", calibrationEnd);
                    row.put("x", v.history().x());
                    row.put("tx", v.history().tx());
                    row.put("T", v.history().T());
                    rows.add(row);
                    if (rows.size() == BATCH) {
                        tx.run(WRITE_CUSTOMERS, Map.of("firm", firm, "rows", rows)).consume();
                        rows = new ArrayList<>();
                    }
                }
                if (!rows.isEmpty()) {
                    tx.run(WRITE_CUSTOMERS, Map.of("firm", firm, "rows", rows)).consume();
                }
            });
        }
        return value(firm).orElseThrow();
    }

    private Map<String, Object> model(ClvFit fit, LocalDate end) {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "r", fit.bgnbd().r());
        put(m, "alpha", fit.bgnbd().alpha());
        put(m, "a", fit.bgnbd().a());
        put(m, "b", fit.bgnbd().b());
        m.put("bgnbdLogLik", fit.bgnbd().logLikelihood());
        put(m, "p", fit.gammagamma().p());
        put(m, "q", fit.gammagamma().q());
        put(m, "v", fit.gammagamma().v());
        m.put("gammaGammaLogLik", fit.gammagamma().logLikelihood());
        fit.bgnbd().covariance().ifPresent(c -> m.put("bgnbdCovariance", flat(c)));
        fit.gammagamma().covariance().ifPresent(c -> m.put("gammaGammaCovariance", flat(c)));
        m.put("customers", fit.customers());
        m.put("repeatBuyers", fit.gammagamma().customers());
        m.put("calibrationEnd", end);
        m.put("horizonWeeks", options.horizonWeeks());
        m.put("discountRate", options.discountRate());
        m.put("periods", options.periods());
        m.put("fittedAt", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
        return m;
    }

    /** A covariance matrix row by row, as a Neo4j list property. */
    private static List<Double> flat(CovarianceMatrix c) {
        List<Double> out = new ArrayList<>(c.size() * c.size());
        for (int i = 0; i < c.size(); i++) {
            for (int j = 0; j < c.size(); j++) {
                out.add(c.get(i, j));
            }
        }
        return out;
    }

    private static void put(Map<String, Object> m, String name, Estimate e) {
        m.put(name, e.estimate());
        m.put(name + "Se", e.hasStandardError() ? e.se() : null);
    }

    private static Transaction transaction(Record r) {
        return new Transaction(r.get("customer").asString(), r.get("day").asLocalDate(), BigDecimal.valueOf(r.get("amount").asDouble()));
    }
}
