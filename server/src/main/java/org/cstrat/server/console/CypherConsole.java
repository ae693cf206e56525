package org.cstrat.server.console;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.Relationship;
import org.neo4j.driver.types.TypeSystem;

/**
 * The analysts' read-only console. Safety comes from the database, not from parsing the query:
 * every query runs in a READ transaction (the server refuses any write, including writing procedures),
 * with a transaction timeout the server enforces, and only the first {@code maxRows} rows are read.
 * {@code LOAD CSV} cannot reach files or the network: the embedded database disallows file URLs and
 * blocks every outbound address.
 */
public final class CypherConsole {

    private static final Pattern POSITION = Pattern.compile("line (\\d+), column (\\d+) \\(offset: (\\d+)\\)");

    private final Driver driver;

    public CypherConsole(Driver driver) {
        this.driver = driver;
    }

    public ConsoleResult run(ConsoleRequest request) {
        long started = System.nanoTime();
        SessionConfig session = SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build();
        TransactionConfig tx = TransactionConfig.builder().withTimeout(request.timeout())
                .withMetadata(Map.of("app", "cstrat-console")).build();
        try (Session s = driver.session(session)) {
            return s.executeRead(t -> {
                Result result = t.run(request.query(), request.parameters());
                List<String> columns = result.keys();
                List<List<Object>> rows = new ArrayList<>();
                GraphCollector graph = new GraphCollector();
                boolean truncated = false;
                while (result.hasNext()) {
                    if (rows.size() == request.maxRows()) {
                        truncated = true;
                        break;
                    }
                    Record record = result.next();
                    List<Object> row = new ArrayList<>(columns.size());
                    for (Value value : record.values()) {
                        row.add(graph.toJson(value));
                    }
                    rows.add(row);
                }
                long elapsed = (System.nanoTime() - started) / 1_000_000;
                String note = truncated ? "The result was cut at " + request.maxRows() + " rows; add a LIMIT or narrow the query." : null;
                return new ConsoleResult(columns, rows, graph.graph(), truncated, request.maxRows(), elapsed, note);
            }, tx);
        } catch (ClientException e) {
            throw translate(e);
        } catch (Neo4jException e) {
            throw translate(e);
        }
    }

    static ConsoleException translate(Neo4jException e) {
        String code = String.valueOf(e.code());
        String message = e.getMessage();
        if (code.equals("Neo.ClientError.Statement.SyntaxError")) {
            Matcher m = POSITION.matcher(String.valueOf(message));
            if (m.find()) {
                return new ConsoleException(ConsoleException.Kind.SYNTAX, message, code,
                        Integer.valueOf(m.group(1)), Integer.valueOf(m.group(2)), Integer.valueOf(m.group(3)));
            }
            return new ConsoleException(ConsoleException.Kind.SYNTAX, message, code, null, null, null);
        }
        if (code.equals("Neo.ClientError.Statement.AccessMode") || code.startsWith("Neo.ClientError.Security.Forbidden")) {
            return new ConsoleException(ConsoleException.Kind.READ_ONLY,
                    "The console is read-only: the database refused a write. (" + message + ")", code, null, null, null);
        }
        if (code.startsWith("Neo.ClientError.Transaction.TransactionTimedOut") || code.equals("Neo.TransientError.Transaction.Terminated")
                || code.equals("Neo.ClientError.Transaction.Terminated")) {
            return new ConsoleException(ConsoleException.Kind.TIMEOUT,
                    "The query ran past its time limit and the database cancelled it. (" + message + ")", code, null, null, null);
        }
        if (code.equals("Neo.ClientError.Statement.ExternalResourceFailed") || code.startsWith("Neo.ClientError.Security")) {
            return new ConsoleException(ConsoleException.Kind.FORBIDDEN, message, code, null, null, null);
        }
        return new ConsoleException(ConsoleException.Kind.INVALID, message, code, null, null, null);
    }

    /** Converts driver values to JSON-ready Java values and remembers every node and relationship seen. */
    static final class GraphCollector {
        private final Map<String, Map<String, Object>> nodes = new LinkedHashMap<>();
        private final Map<String, Map<String, Object>> relationships = new LinkedHashMap<>();

        Object toJson(Value value) {
            TypeSystem types = TypeSystem.getDefault();
            if (value.isNull()) {
                return null;
            }
            if (value.hasType(types.NODE())) {
                return node(value.asNode());
            }
            if (value.hasType(types.RELATIONSHIP())) {
                return relationship(value.asRelationship());
            }
            if (value.hasType(types.PATH())) {
                Path path = value.asPath();
                List<Object> nodeList = new ArrayList<>();
                path.nodes().forEach(n -> nodeList.add(node(n)));
                List<Object> relList = new ArrayList<>();
                path.relationships().forEach(r -> relList.add(relationship(r)));
                return Map.of("_type", "path", "nodes", nodeList, "relationships", relList);
            }
            if (value.hasType(types.LIST())) {
                List<Object> list = new ArrayList<>();
                value.values().forEach(v -> list.add(toJson(v)));
                return list;
            }
            if (value.hasType(types.MAP())) {
                Map<String, Object> map = new LinkedHashMap<>();
                value.keys().forEach(k -> map.put(k, toJson(value.get(k))));
                return map;
            }
            if (value.hasType(types.FLOAT())) {
                double d = value.asDouble();
                return Double.isFinite(d) ? d : Double.toString(d);
            }
            if (value.hasType(types.INTEGER()) || value.hasType(types.BOOLEAN()) || value.hasType(types.STRING())) {
                return value.asObject();
            }
            if (value.hasType(types.BYTES())) {
                return Base64.getEncoder().encodeToString(value.asByteArray());
            }
            if (value.hasType(types.POINT())) {
                var p = value.asPoint();
                Map<String, Object> point = new LinkedHashMap<>();
                point.put("srid", p.srid());
                point.put("x", p.x());
                point.put("y", p.y());
                if (!Double.isNaN(p.z())) {
                    point.put("z", p.z());
                }
                return point;
            }
            return value.asObject().toString();
        }

        private Map<String, Object> properties(Map<String, Value> properties) {
            Map<String, Object> out = new LinkedHashMap<>();
            properties.forEach((k, v) -> out.put(k, toJson(v)));
            return out;
        }

        private Map<String, Object> node(Node n) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("_type", "node");
            json.put("id", n.elementId());
            List<String> labels = new ArrayList<>();
            n.labels().forEach(labels::add);
            json.put("labels", labels);
            json.put("properties", properties(n.asMap(v -> v)));
            nodes.putIfAbsent(n.elementId(), json);
            return json;
        }

        private Map<String, Object> relationship(Relationship r) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("_type", "relationship");
            json.put("id", r.elementId());
            json.put("type", r.type());
            json.put("start", r.startNodeElementId());
            json.put("end", r.endNodeElementId());
            json.put("properties", properties(r.asMap(v -> v)));
            relationships.putIfAbsent(r.elementId(), json);
            return json;
        }

        ConsoleResult.Graph graph() {
            return new ConsoleResult.Graph(new ArrayList<>(nodes.values()), new ArrayList<>(relationships.values()));
        }
    }
}
