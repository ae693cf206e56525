package org.cstrat.server.customers.journeys;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;
import org.jgrapht.traverse.BreadthFirstIterator;

/**
 * A firm's customer journeys as a touchpoint-to-touchpoint transition graph (JGraphT, edge weight = number
 * of journeys making that step), with the most frequent paths, where journeys stop without a purchase
 * (drop-off), and the moments of truth.
 *
 * <p>A journey is one episode: its interactions in time order. Consecutive interactions at the same
 * touchpoint are one step. {@link #START} and {@link #END} are the virtual entry and exit.
 *
 * <p>Besides the touchpoints tagged {@code momentOfTruth} in the graph, a touchpoint is <i>suggested</i>
 * as a moment of truth when at least {@value #SUGGEST_MIN_SHARE} of journeys pass it and the purchase rate
 * of those journeys differs from the others' by at least {@value #SUGGEST_MIN_LIFT} (absolute): what happens
 * there decides the episode.
 */
public final class JourneyMap {

    public static final String START = "(start)";
    public static final String END = "(end)";
    public static final int TOP_PATHS = 10;
    public static final double SUGGEST_MIN_SHARE = 0.05;
    public static final double SUGGEST_MIN_LIFT = 0.15;

    /** One distinct path and how many journeys took it, and whether they ended in a purchase. */
    public record PathCount(List<String> path, boolean bought, long journeys) {
        public PathCount {
            path = List.copyOf(path);
        }
    }

    /** A touchpoint of the firm. */
    public record TouchpointInfo(String id, String name, String channel, String kind, boolean momentOfTruth) {
    }

    /**
     * A touchpoint in the journeys: journeys through it, journeys starting and ending there, those ending
     * without a purchase (drop-offs), the purchase rate of journeys through it and of the others.
     */
    public record Node(TouchpointInfo touchpoint, long journeys, long starts, long ends, long dropOffs,
                       double conversion, double conversionElsewhere, boolean suggestedMomentOfTruth, int layer) {
        /** Share of journeys through the touchpoint that end there without a purchase. */
        @JsonProperty
        public double dropOffRate() {
            return journeys == 0 ? 0 : dropOffs / (double) journeys;
        }
    }

    public record Transition(String from, String to, long journeys) {
    }

    public record Path(List<String> touchpoints, long journeys, double conversion) {
        public Path {
            touchpoints = List.copyOf(touchpoints);
        }
    }

    private final long journeys;
    private final long purchases;
    private final List<Node> nodes;
    private final List<Transition> transitions;
    private final List<Path> topPaths;
    private final Graph<String, DefaultWeightedEdge> graph;

    private JourneyMap(long journeys, long purchases, List<Node> nodes, List<Transition> transitions, List<Path> topPaths,
                       Graph<String, DefaultWeightedEdge> graph) {
        this.journeys = journeys;
        this.purchases = purchases;
        this.nodes = List.copyOf(nodes);
        this.transitions = List.copyOf(transitions);
        this.topPaths = List.copyOf(topPaths);
        this.graph = graph;
    }

    public static JourneyMap of(List<TouchpointInfo> touchpoints, List<PathCount> paths) {
        Map<String, TouchpointInfo> info = new LinkedHashMap<>();
        touchpoints.forEach(t -> info.put(t.id(), t));
        Graph<String, DefaultWeightedEdge> graph = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        graph.addVertex(START);
        graph.addVertex(END);
        info.keySet().forEach(graph::addVertex);
        Map<String, long[]> stats = new HashMap<>(); // journeys, starts, ends, dropOffs, bought
        Map<List<String>, long[]> distinct = new LinkedHashMap<>(); // journeys, bought
        long total = 0;
        long bought = 0;
        for (PathCount pc : paths) {
            List<String> steps = collapse(pc.path());
            if (steps.isEmpty()) {
                continue;
            }
            long n = pc.journeys();
            total += n;
            bought += pc.bought() ? n : 0;
            long[] d = distinct.computeIfAbsent(steps, k -> new long[2]);
            d[0] += n;
            d[1] += pc.bought() ? n : 0;
            steps.stream().distinct().forEach(t -> {
                long[] s = stats.computeIfAbsent(t, k -> new long[5]);
                s[0] += n;
                s[4] += pc.bought() ? n : 0;
            });
            stats.computeIfAbsent(steps.get(0), k -> new long[5])[1] += n;
            long[] last = stats.computeIfAbsent(steps.get(steps.size() - 1), k -> new long[5]);
            last[2] += n;
            if (!pc.bought()) {
                last[3] += n;
            }
            String previous = START;
            for (String step : steps) {
                addWeight(graph, previous, step, n);
                previous = step;
            }
            addWeight(graph, previous, END, n);
        }
        Map<String, Integer> layers = layers(graph);
        List<Node> nodes = new ArrayList<>();
        for (String id : graph.vertexSet()) {
            if (id.equals(START) || id.equals(END)) {
                continue;
            }
            long[] s = stats.getOrDefault(id, new long[5]);
            TouchpointInfo t = info.getOrDefault(id, new TouchpointInfo(id, id, null, null, false));
            double conversion = s[0] == 0 ? 0 : s[4] / (double) s[0];
            double elsewhere = total - s[0] == 0 ? 0 : (bought - s[4]) / (double) (total - s[0]);
            boolean suggested = total > 0 && s[0] >= SUGGEST_MIN_SHARE * total && total - s[0] > 0
                    && Math.abs(conversion - elsewhere) >= SUGGEST_MIN_LIFT;
            nodes.add(new Node(t, s[0], s[1], s[2], s[3], conversion, elsewhere, suggested, layers.getOrDefault(id, 1)));
        }
        nodes.sort(Comparator.comparingInt(Node::layer).thenComparing(n -> -n.journeys()).thenComparing(n -> n.touchpoint().id()));
        List<Transition> transitions = new ArrayList<>();
        for (DefaultWeightedEdge e : graph.edgeSet()) {
            transitions.add(new Transition(graph.getEdgeSource(e), graph.getEdgeTarget(e), (long) graph.getEdgeWeight(e)));
        }
        transitions.sort(Comparator.comparingLong(Transition::journeys).reversed().thenComparing(Transition::from).thenComparing(Transition::to));
        List<Path> top = distinct.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<List<String>, long[]> e) -> -e.getValue()[0]).thenComparing(e -> e.getKey().toString()))
                .limit(TOP_PATHS)
                .map(e -> new Path(e.getKey(), e.getValue()[0], e.getValue()[1] / (double) e.getValue()[0])).toList();
        return new JourneyMap(total, bought, nodes, transitions, top, graph);
    }

    private static List<String> collapse(List<String> path) {
        List<String> out = new ArrayList<>(path.size());
        for (String p : path) {
            if (out.isEmpty() || !out.get(out.size() - 1).equals(p)) {
                out.add(p);
            }
        }
        return out;
    }

    private static void addWeight(Graph<String, DefaultWeightedEdge> g, String from, String to, long n) {
        if (from.equals(to)) {
            return;
        }
        g.addVertex(from);
        g.addVertex(to);
        DefaultWeightedEdge e = g.getEdge(from, to);
        if (e == null) {
            e = g.addEdge(from, to);
            g.setEdgeWeight(e, 0);
        }
        g.setEdgeWeight(e, g.getEdgeWeight(e) + n);
    }

    /** Layer of each vertex for drawing: breadth-first depth from START; END one past the deepest. */
    private static Map<String, Integer> layers(Graph<String, DefaultWeightedEdge> graph) {
        Map<String, Integer> layer = new HashMap<>();
        BreadthFirstIterator<String, DefaultWeightedEdge> bfs = new BreadthFirstIterator<>(graph, START);
        int deepest = 0;
        while (bfs.hasNext()) {
            String v = bfs.next();
            if (v.equals(END)) {
                continue;
            }
            int depth = bfs.getDepth(v);
            layer.put(v, depth);
            deepest = Math.max(deepest, depth);
        }
        layer.put(END, deepest + 1);
        return layer;
    }

    public long journeys() {
        return journeys;
    }

    public long purchases() {
        return purchases;
    }

    public double conversion() {
        return journeys == 0 ? 0 : purchases / (double) journeys;
    }

    public List<Node> nodes() {
        return nodes;
    }

    public List<Transition> transitions() {
        return transitions;
    }

    public List<Path> topPaths() {
        return topPaths;
    }

    /** The touchpoints where most journeys end without a purchase, worst first. */
    public List<Node> dropOffs() {
        return nodes.stream().filter(n -> n.dropOffs() > 0)
                .sorted(Comparator.comparingLong(Node::dropOffs).reversed().thenComparing(n -> n.touchpoint().id())).toList();
    }

    /** The transition graph (read-only view); vertices are touchpoint ids plus {@link #START} and {@link #END}. */
    public Graph<String, DefaultWeightedEdge> graph() {
        return new org.jgrapht.graph.AsUnmodifiableGraph<>(graph);
    }

    public int layerOf(String vertex) {
        Objects.requireNonNull(vertex);
        if (vertex.equals(START)) {
            return 0;
        }
        return nodes.stream().filter(n -> n.touchpoint().id().equals(vertex)).findFirst().map(Node::layer)
                .orElse(nodes.stream().mapToInt(Node::layer).max().orElse(0) + 1);
    }
}
