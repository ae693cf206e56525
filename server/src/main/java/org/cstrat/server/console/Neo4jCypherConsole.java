package org.cstrat.server.console;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cstrat.server.neo4j.CypherFiles;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Bookmark;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.Relationship;
import org.neo4j.driver.summary.Plan;
import org.neo4j.driver.summary.ResultSummary;
import org.neo4j.driver.types.TypeSystem;

/**
 * The analysts' read-only console. Safety comes from the database, not from parsing the query's text:
 * <ol>
 * <li>the database plans the query first ({@code EXPLAIN}, same parameters, nothing runs) and {@link QueryPolicy}
 *     refuses, on the plan's query type, operators and procedures, anything that is not a read of the
 *     application's graph (writes, administration commands, {@code SHOW SETTINGS/TRANSACTIONS},
 *     {@code TERMINATE}, {@code dbms.*} and procedures outside an allow-list, {@code LOAD CSV});</li>
 * <li>the query then runs in a READ transaction (the server refuses any write), with a transaction timeout
 *     the server enforces between rows; while it runs, the memory the database counts for it
 *     ({@code SHOW TRANSACTIONS … estimatedUsedHeapMemory}) is watched every {@link #WATCH_INTERVAL} and the
 *     transaction terminated past {@code memoryBudget} (a per-transaction limit for the console only: Neo4j's
 *     {@code db.memory.transaction.max} is server-wide, and the application's imports need far more);</li>
 * <li>it runs on its own connection (a dedicated Driver) on a worker thread: when it has not answered by
 *     its deadline (the timeout plus {@link #GRACE}), the connection is closed, so the database terminates
 *     the transaction and no more of a huge answer is read, and the caller gets a timeout at once;</li>
 * <li>only the first {@code maxRows} rows and {@code maxBytes} bytes of JSON are kept, counted while each value
 *     is converted, so one huge value is never copied whole.</li>
 * </ol>
 * {@code LOAD CSV} cannot reach files or the network in any case: the embedded database disallows file URLs
 * and blocks every outbound address.
 */
public final class Neo4jCypherConsole {

    /** How long past the query's own timeout the worker may take before its connection is cut. */
    static final Duration GRACE = Duration.ofMillis(1000);

    private static final Pattern POSITION = Pattern.compile("line (\\d+), column (\\d+) \\(offset: (\\d+)\\)");
    private static final String EXPLAIN = "EXPLAIN\n";
    private static final AtomicInteger THREADS = new AtomicInteger();

    /** How often the memory the database counts for a running console query is read. */
    static final Duration WATCH_INTERVAL = Duration.ofMillis(200);

    /** The memory a console transaction may take as the database counts it, by default. */
    public static final long MEMORY_BUDGET_DEFAULT = 256L * 1024 * 1024;

    private static final String TRANSACTIONS = CypherFiles.query("console/console_transactions");
    private static final String TERMINATE = CypherFiles.query("console/terminate_transactions");

    private final Driver admin;
    private final Supplier<Driver> connections;
    private final long memoryBudget;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "cstrat-console-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    /**
     * @param admin        the application's Driver: reads and terminates the console's transactions
     * @param connections  opens a dedicated Driver for one query; it is closed when the query ends or is cut off
     * @param memoryBudget bytes of heap, as the database counts them, one console transaction may take
     */
    public Neo4jCypherConsole(Driver admin, Supplier<Driver> connections, long memoryBudget) {
        if (memoryBudget < 1024 * 1024) {
            throw new IllegalArgumentException("memoryBudget: at least 1 MiB, got " + memoryBudget);
        }
        this.admin = admin;
        this.connections = connections;
        this.memoryBudget = memoryBudget;
    }

    public ConsoleResult run(ConsoleRequest request) {
        long started = System.nanoTime();
        long deadline = started + request.timeout().plus(GRACE).toNanos();
        String id = UUID.randomUUID().toString();
        Driver driver = connections.get();
        // The dedicated Driver has no bookmarks of its own: it starts from the application's, so that on a cluster the
        // follower answering the console has every write the workbench made so far (read-your-writes).
        Set<Bookmark> after = admin.executableQueryBookmarkManager().getBookmarks();
        Future<ConsoleResult> work = workers.submit(() -> execute(driver, request, id, started, after));
        long used = 0;
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException();
                }
                try {
                    return work.get(Math.min(left, WATCH_INTERVAL.toNanos()), TimeUnit.NANOSECONDS);
                } catch (TimeoutException tick) {
                    used = Math.max(used, watch(id));
                    if (used > memoryBudget) {
                        throw new ConsoleException(ConsoleException.Kind.MEMORY, "The query needed more than "
                                + memoryBudget / (1024 * 1024) + " MiB (the console's memory budget per query; the database counted "
                                + used / (1024 * 1024) + " MiB) and was terminated.", "Cstrat.Console.MemoryBudget", null, null, null);
                    }
                }
            }
        } catch (TimeoutException e) {
            throw new ConsoleException(ConsoleException.Kind.TIMEOUT, "The query did not answer within its time limit of "
                    + request.timeout().toSeconds() + " s: the workbench closed its connection, so the database terminated it.",
                    "Cstrat.Console.Deadline", null, null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConsoleException(ConsoleException.Kind.TIMEOUT, "Interrupted while waiting for the query", "Cstrat.Console.Interrupted",
                    null, null, null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ConsoleException ce) {
                throw ce;
            }
            if (cause instanceof Neo4jException ne) {
                throw translate(ne);
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        } finally {
            // Cuts a query still running off (drops its connection); a finished one just gives its connection back.
            work.cancel(true);
            driver.closeAsync();
        }
    }

    /**
     * The heap the database counts for the console query {@code id}; past the budget its transactions are
     * terminated at once (the connection is closed afterwards too, by {@link #run}).
     */
    private long watch(String id) {
        try {
            var records = admin.executableQuery(TRANSACTIONS).withParameters(Map.of("consoleQuery", id)).execute().records();
            long used = records.stream().mapToLong(r -> r.get("estimatedUsedHeapMemory").asLong(0)).max().orElse(0);
            if (used > memoryBudget) {
                admin.executableQuery(TERMINATE).withParameters(Map.of("transactionIds",
                        records.stream().map(r -> r.get("transactionId").asString()).toList())).execute();
            }
            return used;
        } catch (Neo4jException e) {
            // The transaction may just have ended; the deadline still holds.
            return 0;
        }
    }

    private static ConsoleResult execute(Driver driver, ConsoleRequest request, String id, long started, Set<Bookmark> after) {
        SessionConfig session = SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).withBookmarks(after).build();
        TransactionConfig config = TransactionConfig.builder().withTimeout(request.timeout())
                .withMetadata(Map.of("app", "cstrat-console", "consoleQuery", id)).build();
        try (Session s = driver.session(session)) {
            vet(s, request, config);
            try (Transaction t = s.beginTransaction(config)) {
                ConsoleResult result = read(t.run(request.query(), request.parameters()), request, started);
                t.commit();
                return result;
            }
        }
    }

    /** Plans the query with {@code EXPLAIN} (nothing runs) and refuses it unless {@link QueryPolicy} allows the plan. */
    static void vet(Session s, ConsoleRequest request, TransactionConfig config) {
        ResultSummary summary;
        try {
            summary = s.run(EXPLAIN + request.query(), request.parameters(), config).consume();
        } catch (Neo4jException e) {
            throw translateExplain(e);
        }
        String database = summary.database() == null ? null : summary.database().name();
        QueryPolicy.Step plan = summary.hasPlan() ? step(summary.plan())
                : new QueryPolicy.Step("NoPlan", database, "", List.of());
        QueryPolicy.check(String.valueOf(summary.queryType()), plan, database, request.query()).ifPresent(refusal -> {
            throw new ConsoleException(refusal.kind(), refusal.message(), refusal.code(), null, null, null);
        });
    }

    static QueryPolicy.Step step(Plan plan) {
        String type = plan.operatorType();
        int at = type.indexOf('@');
        Value details = plan.arguments().get("Details");
        return new QueryPolicy.Step(at < 0 ? type : type.substring(0, at), at < 0 ? null : type.substring(at + 1),
                details == null || details.isNull() ? "" : details.asString(), plan.children().stream().map(Neo4jCypherConsole::step).toList());
    }

    private static ConsoleResult read(Result result, ConsoleRequest request, long started) {
        List<String> columns = result.keys();
        List<List<Object>> rows = new ArrayList<>();
        GraphCollector graph = new GraphCollector(request.maxBytes());
        String note = null;
        while (result.hasNext()) {
            if (rows.size() == request.maxRows()) {
                note = "The result was cut at " + request.maxRows() + " rows; add a LIMIT or narrow the query.";
                break;
            }
            Record record = result.next();
            List<Object> row = new ArrayList<>(columns.size());
            try {
                graph.startRow();
                for (Value value : record.values()) {
                    row.add(graph.toJson(value));
                }
            } catch (GraphCollector.OverBudget e) {
                if (rows.isEmpty()) {
                    throw new ConsoleException(ConsoleException.Kind.TOO_LARGE, "The first row alone is more than " + request.maxBytes()
                            + " bytes of JSON: return less of it (e.g. size(list) or list[0..100]).", "Cstrat.Console.RowTooLarge",
                            null, null, null);
                }
                note = "The result was cut at " + request.maxBytes() + " bytes (" + rows.size()
                        + " rows fit); return fewer or smaller values.";
                break;
            }
            graph.keepRow();
            rows.add(row);
        }
        long elapsed = (System.nanoTime() - started) / 1_000_000;
        return new ConsoleResult(columns, rows, graph.graph(), note != null, request.maxRows(), request.maxBytes(), elapsed, note);
    }

    /** An error of the {@code EXPLAIN}: positions as in the query the analyst wrote; administration commands refused. */
    static ConsoleException translateExplain(Neo4jException e) {
        String code = String.valueOf(e.code());
        if (code.equals("Neo.ClientError.Statement.UnsupportedAdministrationCommand") || code.equals("Neo.ClientError.Statement.NotSystemDatabaseError")) {
            return new ConsoleException(ConsoleException.Kind.FORBIDDEN, "Not allowed in the console: an administration command ("
                    + e.getMessage() + "); the console only reads the application's graph.", "Cstrat.Console.AdministrationCommand",
                    null, null, null);
        }
        if (code.equals("Neo.ClientError.Statement.SyntaxError")) {
            return syntax(code, shiftPositions(String.valueOf(e.getMessage())));
        }
        return translate(e);
    }

    /** The {@code EXPLAIN} line shifts every position of the analyst's query by one line and its length. */
    static String shiftPositions(String message) {
        Matcher m = POSITION.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int line = Integer.parseInt(m.group(1));
            int offset = Integer.parseInt(m.group(3));
            String fixed = line > 1 && offset >= EXPLAIN.length()
                    ? "line " + (line - 1) + ", column " + m.group(2) + " (offset: " + (offset - EXPLAIN.length()) + ")" : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(fixed));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static ConsoleException syntax(String code, String message) {
        Matcher m = POSITION.matcher(message);
        if (m.find()) {
            return new ConsoleException(ConsoleException.Kind.SYNTAX, message, code,
                    Integer.valueOf(m.group(1)), Integer.valueOf(m.group(2)), Integer.valueOf(m.group(3)));
        }
        return new ConsoleException(ConsoleException.Kind.SYNTAX, message, code, null, null, null);
    }

    static ConsoleException translate(Neo4jException e) {
        String code = String.valueOf(e.code());
        String message = e.getMessage();
        if (code.equals("Neo.ClientError.Statement.SyntaxError")) {
            return syntax(code, String.valueOf(message));
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
        if (code.equals("Neo.TransientError.General.MemoryPoolOutOfMemoryError") || code.equals("Neo.TransientError.General.TransactionMemoryLimit")
                || code.equals("Neo.TransientError.General.OutOfMemoryError")) {
            return new ConsoleException(ConsoleException.Kind.MEMORY,
                    "The query needed more memory than a console transaction may use and the database stopped it. (" + message + ")",
                    code, null, null, null);
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
        private final Map<String, Map<String, Object>> rowNodes = new LinkedHashMap<>();
        private final Map<String, Map<String, Object>> rowRelationships = new LinkedHashMap<>();
        private final long byteBudget;
        private long bytes;

        /** Thrown as soon as the values converted so far would take more than the budget as JSON. */
        static final class OverBudget extends RuntimeException {
            OverBudget() {
                super("over the byte budget", null, false, false);
            }
        }

        GraphCollector(long byteBudget) {
            this.byteBudget = byteBudget;
        }

        GraphCollector() {
            this(Long.MAX_VALUE);
        }

        /** A row's brackets and the comma after it. */
        void startRow() {
            count(3);
        }

        /** The nodes and relationships of the row just converted go into the picture. */
        void keepRow() {
            rowNodes.forEach(nodes::putIfAbsent);
            rowRelationships.forEach(relationships::putIfAbsent);
            rowNodes.clear();
            rowRelationships.clear();
        }

        /** UTF-8 bytes of a string (escapes such as {@code \\n} are not counted: a close estimate). */
        private static long utf8(String text) {
            long n = text.length();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c >= 0x80) {
                    n += c >= 0x800 && !Character.isSurrogate(c) ? 2 : 1;
                }
            }
            return n;
        }

        /** Counts {@code n} bytes of JSON (a close estimate: escapes in strings are not counted). */
        private void count(long n) {
            bytes += n;
            if (bytes > byteBudget) {
                throw new OverBudget();
            }
        }

        Object toJson(Value value) {
            TypeSystem types = TypeSystem.getDefault();
            count(1); // the separator
            if (value.isNull()) {
                count(4);
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
                count(2);
                List<Object> list = new ArrayList<>();
                value.values().forEach(v -> list.add(toJson(v)));
                return list;
            }
            if (value.hasType(types.MAP())) {
                count(2);
                Map<String, Object> map = new LinkedHashMap<>();
                value.keys().forEach(k -> {
                    count(utf8(k) + 3);
                    map.put(k, toJson(value.get(k)));
                });
                return map;
            }
            if (value.hasType(types.FLOAT())) {
                double d = value.asDouble();
                count(Double.toString(d).length() + 2L);
                return Double.isFinite(d) ? d : Double.toString(d);
            }
            if (value.hasType(types.STRING())) {
                String text = value.asString();
                count(utf8(text) + 2);
                return text;
            }
            if (value.hasType(types.INTEGER()) || value.hasType(types.BOOLEAN())) {
                Object scalar = value.asObject();
                count(String.valueOf(scalar).length());
                return scalar;
            }
            if (value.hasType(types.BYTES())) {
                count((value.size() + 2L) / 3 * 4 + 2);
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
                count(60);
                return point;
            }
            String text = value.asObject().toString();
            count(utf8(text) + 2);
            return text;
        }

        private Map<String, Object> properties(Map<String, Value> properties) {
            Map<String, Object> out = new LinkedHashMap<>();
            count(2);
            properties.forEach((k, v) -> {
                count(utf8(k) + 3);
                out.put(k, toJson(v));
            });
            return out;
        }

        private Map<String, Object> node(Node n) {
            count(60 + n.elementId().length());
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("_type", "node");
            json.put("id", n.elementId());
            List<String> labels = new ArrayList<>();
            n.labels().forEach(label -> {
                count(label.length() + 3L);
                labels.add(label);
            });
            json.put("labels", labels);
            json.put("properties", properties(n.asMap(v -> v)));
            rowNodes.putIfAbsent(n.elementId(), json);
            return json;
        }

        private Map<String, Object> relationship(Relationship r) {
            count(90 + r.type().length() + r.elementId().length() + r.startNodeElementId().length() + r.endNodeElementId().length());
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("_type", "relationship");
            json.put("id", r.elementId());
            json.put("type", r.type());
            json.put("start", r.startNodeElementId());
            json.put("end", r.endNodeElementId());
            json.put("properties", properties(r.asMap(v -> v)));
            rowRelationships.putIfAbsent(r.elementId(), json);
            return json;
        }

        ConsoleResult.Graph graph() {
            return new ConsoleResult.Graph(new ArrayList<>(nodes.values()), new ArrayList<>(relationships.values()));
        }
    }
}
