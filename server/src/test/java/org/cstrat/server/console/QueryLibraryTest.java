package org.cstrat.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class QueryLibraryTest {

    @Test
    void everyQueryHasATitleAnAnswerDefaultsAndIsListedInTheModelDoc() throws IOException {
        QueryLibrary library = QueryLibrary.load();
        String doc = Files.readString(Path.of("..", "cypher", "README.md"));
        assertThat(library.all()).hasSizeGreaterThanOrEqualTo(15).allSatisfy(q -> {
            assertThat(q.title()).isNotBlank();
            assertThat(q.answers()).isNotBlank();
            assertThat(q.parameters()).startsWith("{").endsWith("}");
            assertThat(q.cypher()).doesNotContain(":param").doesNotEndWith(";");
            assertThat(doc).as("cypher/README.md lists %s", q.id()).contains("`" + q.id() + ".cypher`");
        });
    }

    @Test
    void parsesTitleAnswersParametersAndQuery() {
        var q = QueryLibrary.parse("x", """
                // Firms of a market
                // Answers: which firms compete in it.
                :param {market: 'm'};
                MATCH (f:Firm)-[:COMPETES_IN]->(:Market {id: $market})
                RETURN f.name;
                """);
        assertThat(q.title()).isEqualTo("Firms of a market");
        assertThat(q.answers()).isEqualTo("which firms compete in it.");
        assertThat(q.parameters()).isEqualTo("{market: 'm'}");
        assertThat(q.cypher()).isEqualTo("MATCH (f:Firm)-[:COMPETES_IN]->(:Market {id: $market})\nRETURN f.name");
    }
}
