package org.cstrat.server.customers.valuation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cstrat.server.customers.value.CustomerValue;
import org.cstrat.server.customers.value.Transaction;
import org.cstrat.server.neo4j.CypherFiles;
import org.cstrat.server.neo4j.Reads;
import org.cstrat.server.neo4j.Sessions;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;

/**
 * {@link ValuationRepository} through the Driver; Cypher in {@code customers/value_*}. The values go to each customer's
 * {@code CUSTOMER_OF} relationship, the model to a {@code (:ValueModel)} node, in one transaction.
 */
public final class Neo4jValuationRepository implements ValuationRepository {

    private static final String PURCHASES = CypherFiles.query("customers/value_purchases");
    private static final String WRITE_CUSTOMERS = CypherFiles.query("customers/value_write_customers");
    private static final String WRITE_MODEL = CypherFiles.query("customers/value_write_model");
    private static final String READ = CypherFiles.query("customers/value_read");
    /** Customers per write statement. */
    private static final int BATCH = 10_000;

    private final Driver driver;
    private final Reads reads;

    public Neo4jValuationRepository(Driver driver) {
        this.driver = driver;
        this.reads = new Reads(driver);
    }

    @Override
    public List<Transaction> purchases(String firm) {
        return reads.list(PURCHASES, Map.of("firm", firm), Neo4jValuationRepository::transaction);
    }

    @Override
    public Optional<FirmValue> value(String firm) {
        return reads.list(READ, Map.of("firm", firm), r -> new FirmValue(firm, model(r.get("model")),
                r.get("classes").asList(v -> new FirmValue.ClassSummary(v.get("rfmClass").asString(), v.get("customers").asLong(),
                        v.get("pAlive").asDouble(), v.get("clv").asDouble(), v.get("totalClv").asDouble(),
                        v.get("expectedTransactions").asDouble())))).stream().findFirst();
    }

    @Override
    public void store(String firm, ValueModel model, List<CustomerValue> values, LocalDate calibrationEnd) {
        try (Session session = Sessions.open(driver)) {
            session.executeWriteWithoutResult(tx -> {
                tx.run(WRITE_MODEL, Map.of("firm", firm, "model", properties(model))).consume();
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
    }

    /** The model as the node's properties ({@code null} ones are not set; {@code id} and {@code firm} are set by the query). */
    private static Map<String, Object> properties(ValueModel m) {
        Map<String, Object> p = new HashMap<>();
        p.put("r", m.r());
        p.put("rSe", m.rSe());
        p.put("alpha", m.alpha());
        p.put("alphaSe", m.alphaSe());
        p.put("a", m.a());
        p.put("aSe", m.aSe());
        p.put("b", m.b());
        p.put("bSe", m.bSe());
        p.put("bgnbdLogLik", m.bgnbdLogLik());
        p.put("p", m.p());
        p.put("pSe", m.pSe());
        p.put("q", m.q());
        p.put("qSe", m.qSe());
        p.put("v", m.v());
        p.put("vSe", m.vSe());
        p.put("gammaGammaLogLik", m.gammaGammaLogLik());
        p.put("bgnbdCovariance", m.bgnbdCovariance());
        p.put("gammaGammaCovariance", m.gammaGammaCovariance());
        p.put("customers", m.customers());
        p.put("repeatBuyers", m.repeatBuyers());
        p.put("calibrationEnd", m.calibrationEnd());
        p.put("horizonWeeks", m.horizonWeeks());
        p.put("discountRate", m.discountRate());
        p.put("periods", m.periods());
        p.put("fittedAt", m.fittedAt());
        return p;
    }

    /** The {@code ValueModel} node's properties read back; a property it has not is {@code null}. */
    private static ValueModel model(Value m) {
        return new ValueModel(text(m.get("id")), text(m.get("firm")),
                number(m.get("r")), number(m.get("rSe")), number(m.get("alpha")), number(m.get("alphaSe")), number(m.get("a")),
                number(m.get("aSe")), number(m.get("b")), number(m.get("bSe")), number(m.get("bgnbdLogLik")),
                number(m.get("p")), number(m.get("pSe")), number(m.get("q")), number(m.get("qSe")), number(m.get("v")),
                number(m.get("vSe")), number(m.get("gammaGammaLogLik")),
                m.get("bgnbdCovariance").isNull() ? null : m.get("bgnbdCovariance").asList(Value::asDouble),
                m.get("gammaGammaCovariance").isNull() ? null : m.get("gammaGammaCovariance").asList(Value::asDouble),
                whole(m.get("customers")), whole(m.get("repeatBuyers")),
                m.get("calibrationEnd").isNull() ? null : m.get("calibrationEnd").asLocalDate(),
                number(m.get("horizonWeeks")), number(m.get("discountRate")), whole(m.get("periods")),
                m.get("fittedAt").isNull() ? null : m.get("fittedAt").asOffsetDateTime());
    }

    private static String text(Value v) {
        return v.isNull() ? null : v.asString();
    }

    private static Double number(Value v) {
        return v.isNull() ? null : v.asDouble();
    }

    private static Long whole(Value v) {
        return v.isNull() ? null : v.asLong();
    }

    private static Transaction transaction(Record r) {
        return new Transaction(r.get("customer").asString(), r.get("day").asLocalDate(), BigDecimal.valueOf(r.get("amount").asDouble()));
    }
}
