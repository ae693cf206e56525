package org.cstrat.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StartupBenchCommandTest {

    @Test
    void refusesRoundsAndTimeoutsOutOfRangeWithOneLine() {
        var rounds = CommandLineTest.run("bench", "startup", "--rounds", "0");
        assertThat(rounds.code()).isEqualTo(2);
        assertThat(rounds.err()).contains("--rounds must be between 1 and " + StartupBenchCommand.MAX_ROUNDS + ", got 0");
        var timeout = CommandLineTest.run("bench", "startup", "--timeout", "5");
        assertThat(timeout.code()).isEqualTo(2);
        assertThat(timeout.err()).contains("--timeout must be between 10 and 3600 seconds, got 5");
    }

    @Test
    void theLoadAverageIsAFigureOrSaysItIsNotAvailable() {
        assertThat(StartupBenchCommand.loadAverage()).matches("n/a|\\d+\\.\\d\\d");
    }
}
