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
        return reads.list(READ, Map.of("firm", firm), r -> new FirmValue(firm, r.get("model").asMap(),
                r.get("classes").asList(v -> new FirmValue.ClassSummary(v.get("rfmClass").asString(), v.get("customers").asLong(),
                        v.get("pAlive").asDouble(), v.get("clv").asDouble(), v.get("totalClv").asDouble(),
                        v.get("expectedTransactions").asDouble())))).stream().findFirst();
    }

    @Override
    public void store(String firm, Map<String, Object> model, List<CustomerValue> values, LocalDate calibrationEnd) {
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
    }

    private static Transaction transaction(Record r) {
        return new Transaction(r.get("customer").asString(), r.get("day").asLocalDate(), BigDecimal.valueOf(r.get("amount").asDouble()));
    }
}
