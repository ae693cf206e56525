package org.cstrat.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** Off a terminal (as here: output captured) the CLI writes plain text: no ANSI escape sequence, no carriage-return redraws. */
class PlainOutputTest {

    private static final String ESC = "\u001B[";
    private static final Path SCENARIOS = Path.of("..", "simulations", "scenarios");

    @Test
    void helpAndUsageErrorsArePlain() {
        for (String[] args : new String[][] {{"--help"}, {"serve", "--help"}, {"simulate", "--help"}, {"bench", "--help"},
                {"bench", "startup", "--help"}, {"serve", "--http-port", "-5"}, {"no-such-command"}}) {
            var run = CommandLineTest.run(args);
            assertThat(run.out() + run.err()).as(String.join(" ", args)).isNotBlank().doesNotContain(ESC);
        }
    }

    @Test
    void aSimulationsOutputIsPlain() {
        var run = CommandLineTest.run("simulate", SCENARIOS.resolve("mobility-curated.json").toString(), "--runs", "20", "--seed", "3",
                "--threads", "1");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("respond-flat").doesNotContain(ESC).doesNotContain("\r");
        assertThat(run.err()).doesNotContain(ESC).doesNotContain("\r");
    }
}
