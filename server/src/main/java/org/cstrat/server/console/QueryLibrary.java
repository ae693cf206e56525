package org.cstrat.server.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.cstrat.server.neo4j.CypherFiles;

/**
 * The analysts' query library: every {@code .cypher} file in {@code cypher/queries/analyst/}. A file is
 * runnable as it is with {@code cypher-shell -f}: its first comment line is the title, a
 * {@code // Answers:} line says what it answers, and a {@code :param {…};} line sets default parameters.
 */
public final class QueryLibrary {

    static final String FOLDER = "cypher/queries/analyst";

    /** One library query. {@code parameters} is the Cypher map literal of its defaults, e.g. {@code {market: 'us-mobility'}}. */
    public record LibraryQuery(String id, String title, String answers, String parameters, String cypher) {
    }

    private final Map<String, LibraryQuery> queries;

    private QueryLibrary(Map<String, LibraryQuery> queries) {
        this.queries = Collections.unmodifiableMap(queries);
    }

    public static QueryLibrary load() {
        Map<String, LibraryQuery> queries = new LinkedHashMap<>();
        for (String file : files()) {
            String id = file.replaceAll("\\.cypher$", "");
            queries.put(id, parse(id, CypherFiles.read("queries/analyst/" + file)));
        }
        return new QueryLibrary(queries);
    }

    public List<LibraryQuery> all() {
        return List.copyOf(queries.values());
    }

    public Optional<LibraryQuery> find(String id) {
        return Optional.ofNullable(queries.get(id));
    }

    static LibraryQuery parse(String id, String text) {
        String title = null;
        String answers = "";
        String parameters = "{}";
        StringBuilder cypher = new StringBuilder();
        for (String line : text.split("\\R")) {
            String stripped = line.strip();
            if (stripped.startsWith("//")) {
                String comment = stripped.substring(2).strip();
                if (comment.startsWith("Answers:")) {
                    answers = comment.substring("Answers:".length()).strip();
                } else if (title == null && !comment.isEmpty()) {
                    title = comment;
                }
            } else if (stripped.startsWith(":param")) {
                parameters = stripped.substring(":param".length()).strip().replaceAll(";$", "").strip();
            } else {
                cypher.append(line).append('\n');
            }
        }
        String query = cypher.toString().strip().replaceAll(";$", "").strip();
        if (title == null || query.isEmpty()) {
            throw new IllegalStateException(FOLDER + "/" + id + ".cypher needs a title comment and a query");
        }
        return new LibraryQuery(id, title, answers, parameters, query);
    }

    /** The file names in the library folder, from the jar or from the classes directory. */
    static List<String> files() {
        URL url = QueryLibrary.class.getClassLoader().getResource(FOLDER);
        if (url == null) {
            throw new IllegalStateException("Missing " + FOLDER + " on the classpath");
        }
        List<String> names = new ArrayList<>();
        try {
            if (url.getProtocol().equals("jar")) {
                JarURLConnection connection = (JarURLConnection) url.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                        String name = entries.nextElement().getName();
                        if (name.startsWith(FOLDER + "/") && name.endsWith(".cypher") && name.indexOf('/', FOLDER.length() + 1) < 0) {
                            names.add(name.substring(FOLDER.length() + 1));
                        }
                    }
                }
            } else {
                try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                    files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".cypher")).forEach(names::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Collections.sort(names);
        return names;
    }
}
