package org.cstrat.server.customers.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.builder.GraphTypeBuilder;

/**
 * Identity resolution: source records that share a (normalised) identifier are one person. The
 * identifier graph has a vertex per source record and per identifier and an edge per link that has not
 * been excluded (unmerged); each connected component (JGraphT's {@link ConnectivityInspector}, a
 * breadth-first search, O(V + E)) is one unified customer.
 *
 * <p>A unified customer's id is derived from the smallest source-record id in its component, so it is
 * stable: resolving the same links again gives the same ids, and splitting a component keeps the id on
 * the part holding that record.
 */
public final class IdentityResolver {

    /** A source record, its identifiers (graph ids) and the unified customer it belongs to now (null if none). */
    public record RecordLinks(String record, String system, LocalDate since, List<String> identifiers, String currentCustomer) {
        public RecordLinks {
            Objects.requireNonNull(record, "record");
            identifiers = List.copyOf(identifiers);
        }
    }

    /** A unified customer as resolved: its id, records, the source systems they come from and the earliest {@code since}. */
    public record UnifiedCustomer(String id, List<String> records, List<String> systems, LocalDate since) {
        public UnifiedCustomer {
            records = List.copyOf(records);
            systems = List.copyOf(systems);
        }
    }

    /** A record that must be linked to another unified customer than now ({@code from} is null for a new record). */
    public record Move(String record, String from, String to) {
    }

    /**
     * The outcome: every customer (written with MERGE, so unchanged ones stay as they are), the records to
     * move, and the unified customers that no longer have any record.
     */
    public record Resolution(List<UnifiedCustomer> customers, List<Move> moves, Set<String> obsolete) {
        public Resolution {
            customers = List.copyOf(customers);
            moves = List.copyOf(moves);
            obsolete = Set.copyOf(obsolete);
        }

        /** Customers that are new or whose records changed: only these need writing. */
        public List<UnifiedCustomer> changed() {
            Set<String> touched = new HashSet<>();
            for (Move m : moves) {
                touched.add(m.to());
                if (m.from() != null) {
                    touched.add(m.from());
                }
            }
            return customers.stream().filter(c -> touched.contains(c.id())).toList();
        }
    }

    private IdentityResolver() {
    }

    public static Resolution resolve(String firm, List<RecordLinks> links) {
        Graph<String, DefaultEdge> graph = GraphTypeBuilder.<String, DefaultEdge>undirected()
                .allowingMultipleEdges(false).allowingSelfLoops(false).edgeClass(DefaultEdge.class).buildGraph();
        Map<String, RecordLinks> byRecord = new HashMap<>();
        Set<String> currentCustomers = new HashSet<>();
        for (RecordLinks r : links) {
            String v = "R" + r.record();
            graph.addVertex(v);
            byRecord.put(r.record(), r);
            if (r.currentCustomer() != null) {
                currentCustomers.add(r.currentCustomer());
            }
            for (String identifier : r.identifiers()) {
                String iv = "I" + identifier;
                graph.addVertex(iv);
                graph.addEdge(v, iv);
            }
        }
        List<UnifiedCustomer> customers = new ArrayList<>();
        List<Move> moves = new ArrayList<>();
        Set<String> kept = new HashSet<>();
        for (Set<String> component : new ConnectivityInspector<>(graph).connectedSets()) {
            TreeSet<String> records = new TreeSet<>();
            for (String v : component) {
                if (v.charAt(0) == 'R') {
                    records.add(v.substring(1));
                }
            }
            if (records.isEmpty()) {
                continue;
            }
            String id = customerId(firm, records.first());
            TreeSet<String> systems = new TreeSet<>();
            LocalDate since = null;
            for (String record : records) {
                RecordLinks r = byRecord.get(record);
                systems.add(r.system());
                if (r.since() != null && (since == null || r.since().isBefore(since))) {
                    since = r.since();
                }
                if (!id.equals(r.currentCustomer())) {
                    moves.add(new Move(record, r.currentCustomer(), id));
                }
            }
            kept.add(id);
            customers.add(new UnifiedCustomer(id, List.copyOf(records), List.copyOf(systems), since));
        }
        customers.sort(Comparator.comparing(UnifiedCustomer::id));
        moves.sort(Comparator.comparing(Move::record));
        currentCustomers.removeAll(kept);
        return new Resolution(customers, moves, currentCustomers);
    }

    /** {@code firm-u-} and 12 hex digits of the SHA-256 of the component's smallest record id. */
    public static String customerId(String firm, String smallestRecord) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(smallestRecord.getBytes(StandardCharsets.UTF_8));
            return firm + "-u-" + HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
