package org.cstrat.server.customers.segments;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cstrat.server.neo4j.CypherFiles;
import org.cstrat.server.neo4j.Reads;
import org.cstrat.server.neo4j.Sessions;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;

/** Behaviour features and segments in the graph; Cypher in {@code cypher/queries/app/customers/segment*}. */
public final class Neo4jSegmentStore implements SegmentStore {

    private static final String FEATURES = CypherFiles.query("customers/segment_features");
    private static final String DELETE = CypherFiles.query("customers/segments_delete");
    private static final String CREATE = CypherFiles.query("customers/segments_create");
    private static final String MEMBERS = CypherFiles.query("customers/segments_members");
    private static final String LIST = CypherFiles.query("customers/segments_list");
    private static final int BATCH = 10_000;

    private final Driver driver;
    private final Reads reads;

    public Neo4jSegmentStore(Driver driver) {
        this.driver = driver;
        this.reads = new Reads(driver);
    }

    @Override
    public List<BehaviourFeatures> features(String firm) {
        List<Record> rows = reads.list(FEATURES, Map.of("firm", firm), r -> r);
        ZonedDateTime end = rows.stream().map(r -> r.get("last").asZonedDateTime()).max(ZonedDateTime::compareTo).orElse(null);
        List<BehaviourFeatures> out = new ArrayList<>(rows.size());
        for (Record r : rows) {
            double recency = java.time.Duration.between(r.get("last").asZonedDateTime(), end).toMinutes() / 1440.0;
            long purchases = r.get("purchases").asLong();
            double spent = inFixedOrder(r.get("spends").asList(Value::asDouble));
            double total = r.get("digital").asDouble() + r.get("voice").asDouble() + r.get("physical").asDouble() + r.get("device").asDouble();
            List<Double> mix = List.of(r.get("digital").asDouble() / total, r.get("voice").asDouble() / total,
                    r.get("physical").asDouble() / total, r.get("device").asDouble() / total);
            long offered = r.get("offered").asLong();
            out.add(new BehaviourFeatures(r.get("customer").asString(), recency, purchases, purchases == 0 ? 0 : spent / purchases, mix,
                    offered == 0 ? 0 : r.get("offeredBought").asLong() / (double) offered));
        }
        return out;
    }

    /**
     * The sum of {@code values} added smallest first: the graph returns them in the store's row order, which differs
     * between two stores of the same graph, and a floating-point sum depends on its order.
     */
    static double inFixedOrder(List<Double> values) {
        double sum = 0;
        for (double v : values.stream().sorted().toList()) {
            sum += v;
        }
        return sum;
    }

    /** Replaces the firm's segments and memberships in one transaction. */
    @Override
    public void replace(String firm, List<SegmentProfile> segments, Map<String, String> segmentOfCustomer) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SegmentProfile s : segments) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", s.id());
            row.put("name", s.name());
            row.put("rank", s.rank());
            row.put("customers", s.customers());
            row.put("share", s.share());
            row.put("k", s.k());
            row.put("silhouette", s.silhouette());
            row.put("recencyDays", s.recencyDays());
            row.put("purchases", s.purchases());
            row.put("meanSpend", s.meanSpend());
            row.put("digitalShare", s.digitalShare());
            row.put("voiceShare", s.voiceShare());
            row.put("physicalShare", s.physicalShare());
            row.put("deviceShare", s.deviceShare());
            row.put("offerResponse", s.offerResponse());
            row.put("computedAt", s.computedAt());
            rows.add(row);
        }
        try (Session session = Sessions.open(driver)) {
            session.executeWriteWithoutResult(tx -> {
                tx.run(DELETE, Map.of("firm", firm)).consume();
                tx.run(CREATE, Map.of("firm", firm, "rows", rows)).consume();
                List<Map<String, Object>> members = new ArrayList<>();
                for (Map.Entry<String, String> e : segmentOfCustomer.entrySet()) {
                    members.add(Map.of("customer", e.getKey(), "segment", e.getValue()));
                    if (members.size() == BATCH) {
                        tx.run(MEMBERS, Map.of("rows", members)).consume();
                        members = new ArrayList<>();
                    }
                }
                if (!members.isEmpty()) {
                    tx.run(MEMBERS, Map.of("rows", members)).consume();
                }
            });
        }
    }

    @Override
    public List<SegmentProfile> segments(String firm) {
        return reads.list(LIST, Map.of("firm", firm), r -> {
            Value s = r.get("segment");
            return new SegmentProfile(s.get("id").asString(), s.get("firm").asString(), s.get("name").asString(), s.get("rank").asInt(),
                    s.get("customers").asLong(), s.get("share").asDouble(), s.get("k").asInt(), s.get("silhouette").asDouble(),
                    s.get("recencyDays").asDouble(), s.get("purchases").asDouble(), s.get("meanSpend").asDouble(),
                    s.get("digitalShare").asDouble(), s.get("voiceShare").asDouble(), s.get("physicalShare").asDouble(),
                    s.get("deviceShare").asDouble(), s.get("offerResponse").asDouble(), s.get("computedAt").asOffsetDateTime());
        });
    }
}
