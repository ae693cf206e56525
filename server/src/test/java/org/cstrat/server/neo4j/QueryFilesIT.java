package org.cstrat.server.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.cstrat.server.testing.EmbeddedNeo4j;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.driver.Driver;

/** Every application query file compiles against the live schema: {@code EXPLAIN} each one. */
@ExtendWith(EmbeddedNeo4j.class)
class QueryFilesIT {

    static final Path APP_QUERIES = Path.of("..", "cypher", "queries", "app");

    @TestFactory
    Stream<DynamicTest> everyApplicationQueryExplains(Driver driver) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(APP_QUERIES)) {
            files = walk.filter(p -> p.toString().endsWith(".cypher")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        return files.stream().map(file -> DynamicTest.dynamicTest(APP_QUERIES.relativize(file).toString(), () -> {
            String name = APP_QUERIES.relativize(file).toString().replace('\\', '/').replaceAll("\\.cypher$", "");
            String query = CypherFiles.query(name);
            driver.executableQuery("EXPLAIN " + query).execute();
        }));
    }
}
