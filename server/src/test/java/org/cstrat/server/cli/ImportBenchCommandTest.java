package org.cstrat.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code bench import --neo4j-uri}: a bad or unreachable server is refused before any measuring, in one line. */
class ImportBenchCommandTest {

    @Test
    void aUriThatIsNotBoltOrNeo4jIsAUsageErrorBeforeAnythingIsGenerated() {
        var run = CommandLineTest.run("bench", "import", "--neo4j-uri", "http://127.0.0.1:7474", "--interactions", "100");
        assertThat(run.code()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("--neo4j-uri: NEO4J_URI must use bolt://, neo4j://", "http://127.0.0.1:7474");
        assertThat(run.out()).doesNotContain("Generated");
    }

    @Test
    void aServerThatDoesNotAnswerStopsTheBenchmarkWithExitCode1NamingIt() {
        var run = CommandLineTest.run("bench", "import", "--neo4j-uri", "bolt://127.0.0.1:1", "--interactions", "100", "--no-reimport");
        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.err()).contains("bolt://127.0.0.1:1");
        assertThat(run.out()).doesNotContain("first import");
    }
}
