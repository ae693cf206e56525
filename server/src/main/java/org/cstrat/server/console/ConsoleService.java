package org.cstrat.server.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The console: runs read-only queries and offers the analysts' query library with its default parameters. */
public final class ConsoleService {

    private final Neo4jCypherConsole console;
    private final QueryLibrary library;
    private final Map<String, Object> defaults = new ConcurrentHashMap<>();

    public ConsoleService(Neo4jCypherConsole console, QueryLibrary library) {
        this.console = console;
        this.library = library;
    }

    public ConsoleResult run(ConsoleRequest request) {
        return console.run(request);
    }

    /** A library query as the console offers it: its defaults evaluated to plain values. */
    public record LibraryEntry(String id, String title, String answers, Map<String, Object> parameters, String cypher) {
    }

    public List<LibraryEntry> library() {
        return library.all().stream().map(q -> new LibraryEntry(q.id(), q.title(), q.answers(), defaults(q), q.cypher())).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> defaults(QueryLibrary.LibraryQuery q) {
        // The defaults are a Cypher map literal: the database itself evaluates it, read-only.
        Object value = defaults.computeIfAbsent(q.id(), id -> {
            ConsoleResult r = console.run(new ConsoleRequest("RETURN " + q.parameters() + " AS parameters", Map.of(),
                    ConsoleRequest.DEFAULT_TIMEOUT, 1));
            return r.rows().get(0).get(0);
        });
        return new LinkedHashMap<>((Map<String, Object>) value);
    }
}
