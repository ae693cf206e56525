package org.cstrat.server.console;

import java.util.List;
import java.util.Map;

/**
 * What a console query returned: the table, and the nodes and relationships found in it for the picture.
 *
 * @param rows      at most {@code rowCap} rows of JSON-ready values
 * @param truncated whether the result was cut: more rows than {@code rowCap}, or more JSON than {@code byteCap} bytes
 * @param byteCap   bytes of JSON the rows may take at most
 * @param note      a sentence for the reader, e.g. that the result was cut
 */
public record ConsoleResult(List<String> columns, List<List<Object>> rows, Graph graph, boolean truncated, int rowCap,
                            int byteCap, long elapsedMillis, String note) {

    public ConsoleResult {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** Nodes ({@code id, labels, properties}) and relationships ({@code id, type, start, end, properties}). */
    public record Graph(List<Map<String, Object>> nodes, List<Map<String, Object>> relationships) {
        public Graph {
            nodes = List.copyOf(nodes);
            relationships = List.copyOf(relationships);
        }
    }
}
