package org.cstrat.server.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CypherFilesTest {

    @Test
    void splitsAtSemicolonsThatEndALineAndDropsComments() {
        var statements = CypherFiles.split("""
                // a comment; with a semicolon
                CREATE (a:A {text: 'x;y'});

                  // indented comment
                MATCH (a:A)
                RETURN a;
                RETURN 1
                """);
        assertThat(statements).containsExactly("CREATE (a:A {text: 'x;y'})", "MATCH (a:A)\nRETURN a", "RETURN 1");
    }

    @Test
    void aMissingFileFailsLoudly() {
        assertThatThrownBy(() -> CypherFiles.query("nowhere/nothing"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cypher/queries/app/nowhere/nothing.cypher");
    }

    @Test
    void schemaHasAUniquenessConstraintPerLabelAndIsIdempotent() {
        var schema = CypherFiles.script("schema.cypher");
        assertThat(schema).isNotEmpty().allSatisfy(s -> assertThat(s).contains("IF NOT EXISTS"));
        assertThat(schema).anySatisfy(s -> assertThat(s).contains("FOR (n:Firm) REQUIRE n.id IS UNIQUE"));
    }
}
