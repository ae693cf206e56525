package org.cstrat.server.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the {@code .cypher} files packaged from the top-level {@code cypher/} folder. All of the
 * application's Cypher lives there; a missing file fails start-up rather than the first request.
 */
public final class CypherFiles {

    private static final String ROOT = "cypher/";
    private static final Pattern STATEMENT_END = Pattern.compile(";[ \\t]*(?:\\r?\\n|$)");

    private CypherFiles() {
    }

    /** One application query, e.g. {@code query("market/list_markets")} reads {@code cypher/queries/app/market/list_markets.cypher}. */
    public static String query(String name) {
        List<String> statements = script("queries/app/" + name + ".cypher");
        if (statements.size() != 1) {
            throw new IllegalStateException("cypher/queries/app/" + name + ".cypher must hold exactly one statement, found " + statements.size());
        }
        return statements.get(0);
    }

    /** The statements of a script, in order: split at a {@code ;} that ends a line; comment-only lines dropped. */
    public static List<String> script(String path) {
        return split(read(path));
    }

    public static String read(String path) {
        String resource = ROOT + path;
        try (InputStream in = CypherFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing Cypher file on the classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + resource, e);
        }
    }

    static List<String> split(String text) {
        StringBuilder withoutComments = new StringBuilder();
        for (String line : text.split("\\R", -1)) {
            if (!line.strip().startsWith("//")) {
                withoutComments.append(line).append('\n');
            }
        }
        List<String> statements = new ArrayList<>();
        for (String part : STATEMENT_END.split(withoutComments)) {
            String statement = part.strip();
            if (statement.endsWith(";")) {
                statement = statement.substring(0, statement.length() - 1).strip();
            }
            if (!statement.isEmpty()) {
                statements.add(statement);
            }
        }
        return List.copyOf(statements);
    }
}
