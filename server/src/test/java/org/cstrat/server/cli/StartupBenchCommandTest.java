package org.cstrat.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

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
    void comparesTheDemoLoadOfBothFirstStartsFromTheirLogLines() {
        var store = new StartupBenchCommand.Start(2_000, 3_000, List.of(
                "DemoData - Demo markets loaded from the prebuilt demo store in 250 ms (unpacked 39 MB before the database started)"));
        var scripts = new StartupBenchCommand.Start(2_100, 17_000, List.of(
                "Neo4jDemoMarkets - Demo market us-mobility: 14 statements in 2300 ms",
                "DemoData - Demo markets loaded in 14000 ms (markets and their customers 9000 ms)"));
        assertThat(store.fromPrebuiltStore()).isTrue();
        assertThat(scripts.fromPrebuiltStore()).isFalse();
        assertThat(store.demoMillis()).isEqualTo(250);
        assertThat(scripts.demoMillis()).isEqualTo(14_000);
        assertThat(StartupBenchCommand.comparison(store, scripts))
                .isEqualTo("prebuilt demo store vs scripts: demo load 250 vs 14,000 ms (56.0x faster); first start ready 3,000 vs 17,000 ms (5.7x faster)");
        var restart = new StartupBenchCommand.Start(1_000, 1_500, List.of());
        assertThat(restart.demoMillis()).isEqualTo(-1);
        assertThat(StartupBenchCommand.comparison(restart, scripts)).contains("(ratio n/a)");
    }

    @Test
    void theLoadAverageIsAFigureOrSaysItIsNotAvailable() {
        assertThat(StartupBenchCommand.loadAverage()).matches("n/a|\\d+\\.\\d\\d");
    }
}
