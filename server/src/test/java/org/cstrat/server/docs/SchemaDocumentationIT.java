package org.cstrat.server.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cstrat.server.testing.EmbeddedNeo4j;
import org.cstrat.server.testing.Seeds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.driver.Driver;

/**
 * {@code cypher/README.md} tells the truth about the live demo database: the same labels and
 * relationship types, and no property in the database that the tables do not document.
 */
@ExtendWith(EmbeddedNeo4j.class)
class SchemaDocumentationIT {

    static final Path DOC = Path.of("..", "cypher", "README.md");
    private static final Pattern CODE = Pattern.compile("`([A-Za-z_][A-Za-z0-9_]*)`");

    private static Driver driver;

    @BeforeAll
    static void seed(Driver shared) {
        driver = shared;
        Seeds.simulationRun(driver); // simulation runs exist in a used workbench, not in a fresh demo
    }

    /** A documentation table: first column's name mapped to the property names of the given column. */
    static Map<String, Set<String>> table(String heading, int propertyColumn) throws IOException {
        List<String> lines = Files.readAllLines(DOC);
        int start = lines.indexOf(heading);
        assertThat(start).as("heading %s in %s", heading, DOC).isNotNegative();
        Map<String, Set<String>> rows = new TreeMap<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.split("\\|");
            Matcher name = CODE.matcher(cells[1]);
            assertThat(name.find()).as(line).isTrue();
            // Backticked words in parentheses are example values, not property names.
            String properties = cells[propertyColumn].replaceAll("\\([^)]*\\)", "");
            Set<String> names = new TreeSet<>();
            Matcher m = CODE.matcher(properties);
            while (m.find()) {
                names.add(m.group(1));
            }
            rows.put(name.group(1), names);
        }
        return rows;
    }

    private static Set<String> strings(String query, String column) {
        return new TreeSet<>(driver.executableQuery(query).execute().records().stream().map(r -> r.get(column).asString()).toList());
    }

    @Test
    void labelsAndTheirProperties() throws IOException {
        Map<String, Set<String>> documented = table("## Labels", 3);
        assertThat(strings("CALL db.labels() YIELD label RETURN label", "label")).isEqualTo(documented.keySet());
        Map<String, Set<String>> actual = new HashMap<>();
        driver.executableQuery("CALL db.schema.nodeTypeProperties() YIELD nodeLabels, propertyName "
                        + "WHERE propertyName IS NOT NULL RETURN nodeLabels, propertyName").execute().records()
                .forEach(r -> r.get("nodeLabels").asList(v -> v.asString())
                        .forEach(label -> actual.computeIfAbsent(label, k -> new HashSet<>()).add(r.get("propertyName").asString())));
        actual.forEach((label, properties) -> assertThat(documented.get(label))
                .as("properties of :%s documented in %s", label, DOC).containsAll(properties));
    }

    @Test
    void relationshipTypesAndTheirProperties() throws IOException {
        Map<String, Set<String>> documented = table("## Relationship types", 4);
        assertThat(strings("CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType", "relationshipType"))
                .isEqualTo(documented.keySet());
        Map<String, Set<String>> actual = new HashMap<>();
        driver.executableQuery("CALL db.schema.relTypeProperties() YIELD relType, propertyName "
                        + "WHERE propertyName IS NOT NULL RETURN relType, propertyName").execute().records()
                .forEach(r -> actual.computeIfAbsent(r.get("relType").asString().replaceAll("^:`|`$", ""), k -> new HashSet<>())
                        .add(r.get("propertyName").asString()));
        actual.forEach((type, properties) -> assertThat(documented.get(type))
                .as("properties of [:%s] documented in %s", type, DOC).containsAll(properties));
    }
}
