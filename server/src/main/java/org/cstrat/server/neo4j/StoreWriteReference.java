package org.cstrat.server.neo4j;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;

/**
 * The yardstick of the import benchmark: how fast the embedded storage engine itself takes interactions of
 * the graph model's shape, written through Neo4j's own Java API in this JVM (no Cypher, no Bolt, no
 * validation): per interaction one {@code :Interaction} node with the import's ten properties (unique
 * {@code id} and the model's indexes included) and its {@code RECORDED}, {@code HAD} and {@code THROUGH}
 * relationships to existing records, customers and touchpoints. No import through the Driver can be faster
 * than this on the same machine; the benchmark prints its rate beside the import's.
 */
public final class StoreWriteReference {

    private static final Label INTERACTION = Label.label("Interaction");
    private static final RelationshipType RECORDED = RelationshipType.withName("RECORDED");
    private static final RelationshipType HAD = RelationshipType.withName("HAD");
    private static final RelationshipType THROUGH = RelationshipType.withName("THROUGH");

    /** The rate measured, and the process CPU time it took. */
    public record Rate(long interactions, double seconds, double cpuSeconds) {
        public double perSecond() {
            return interactions / seconds;
        }
    }

    private StoreWriteReference() {
    }

    /**
     * Writes {@code count} interactions (ids {@code <prefix><n>}) onto the firm's imported records, in
     * transactions of {@code perTx}, then deletes them again (not timed).
     *
     * @throws IllegalStateException when the graph is not embedded or the firm has no imported records
     */
    public static Rate measure(GraphConnection graph, String firm, String prefix, int count, int perTx) {
        GraphDatabaseService db = graph.embedded().orElseThrow(() -> new IllegalStateException("the store reference needs the embedded database"))
                .database();
        List<long[]> anchors = new ArrayList<>();   // {record, customer}
        List<Long> touchpoints = new ArrayList<>();
        try (Transaction tx = db.beginTx()) {
            tx.execute("MATCH (c:Customer)-[:UNIFIES]->(s:SourceRecord {firm: $firm}) RETURN elementId(s) AS s, elementId(c) AS c",
                    java.util.Map.of("firm", firm)).forEachRemaining(r -> anchors.add(new long[] {
                    tx.getNodeByElementId((String) r.get("s")).getId(), tx.getNodeByElementId((String) r.get("c")).getId()}));
            tx.execute("MATCH (:Firm {id: $firm})-[:OPERATES]->(t:Touchpoint) RETURN elementId(t) AS t", java.util.Map.of("firm", firm))
                    .forEachRemaining(r -> touchpoints.add(tx.getNodeByElementId((String) r.get("t")).getId()));
        }
        if (anchors.isEmpty() || touchpoints.isEmpty()) {
            throw new IllegalStateException("firm '" + firm + "' has no imported records or touchpoints");
        }
        ZonedDateTime t0 = ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        long cpu = processCpuNanos();
        long start = System.nanoTime();
        for (int from = 0; from < count; from += perTx) {
            try (Transaction tx = db.beginTx()) {
                for (int i = from; i < Math.min(count, from + perTx); i++) {
                    long[] a = anchors.get((int) ((i * 2654435761L) % anchors.size()));
                    Node x = tx.createNode(INTERACTION);
                    x.setProperty("id", prefix + i);
                    x.setProperty("episode", prefix + "e" + (i / 3));
                    x.setProperty("stage", "respond");
                    x.setProperty("at", t0.plusMinutes(i));
                    x.setProperty("amount", 12.5);
                    x.setProperty("initiatedBy", "customer");
                    x.setProperty("identified", true);
                    x.setProperty("satisfaction", 4L);
                    x.setProperty("personalised", false);
                    x.setProperty("importedBy", 1L);
                    tx.getNodeById(a[0]).createRelationshipTo(x, RECORDED);
                    tx.getNodeById(a[1]).createRelationshipTo(x, HAD);
                    x.createRelationshipTo(tx.getNodeById(touchpoints.get(i % touchpoints.size())), THROUGH);
                }
                tx.commit();
            }
        }
        Rate rate = new Rate(count, (System.nanoTime() - start) / 1e9, (processCpuNanos() - cpu) / 1e9);
        for (int from = 0; from < count; from += perTx) {
            try (Transaction tx = db.beginTx()) {
                for (int i = from; i < Math.min(count, from + perTx); i++) {
                    Node x = tx.findNode(INTERACTION, "id", prefix + i);
                    for (Relationship r : x.getRelationships(Direction.BOTH)) {
                        r.delete();
                    }
                    x.delete();
                }
                tx.commit();
            }
        }
        return rate;
    }

    /** CPU time of the whole process (all threads: the writer, the database, the GC). */
    public static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
