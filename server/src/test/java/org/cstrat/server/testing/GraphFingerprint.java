package org.cstrat.server.testing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import org.neo4j.driver.Driver;

/**
 * The whole database as sorted text lines, one per node and relationship with its properties (keys sorted),
 * leaving out the import log ({@code (:Import)} and its relationships): two equal fingerprints mean the data
 * did not change.
 */
public final class GraphFingerprint {

    private GraphFingerprint() {
    }

    public static List<String> of(Driver driver) {
        List<String> out = new ArrayList<>();
        driver.executableQuery("MATCH (n) WHERE NOT n:Import RETURN labels(n) AS l, properties(n) AS p").execute().records()
                .forEach(r -> out.add(r.get("l").toString() + new TreeMap<>(r.get("p").asMap(v -> v.toString()))));
        driver.executableQuery("MATCH (a)-[r]->(b) WHERE NOT a:Import RETURN a.id AS a, type(r) AS t, properties(r) AS p, b.id AS b")
                .execute().records().forEach(r -> out.add(r.get("a").toString() + r.get("t").asString()
                        + new TreeMap<>(r.get("p").asMap(v -> v.toString())) + r.get("b")));
        out.sort(null);
        return out;
    }

    /** What differs: lines only in {@code before} ("- ") and lines only in {@code after} ("+ "); empty when equal. */
    public static List<String> changes(List<String> before, List<String> after) {
        List<String> out = new ArrayList<>();
        Set<String> b = new HashSet<>(before);
        Set<String> a = new HashSet<>(after);
        before.stream().filter(x -> !a.contains(x)).forEach(x -> out.add("- " + x));
        after.stream().filter(x -> !b.contains(x)).forEach(x -> out.add("+ " + x));
        return out;
    }
}
