package org.cstrat.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.cstrat.server.Workbench;
import org.cstrat.server.demo.DemoData;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code serve --demo-from-scripts} and the start-up line that says how the demo was loaded. */
class ServeCommandTest {

    private static ServeCommand parsed(String... args) {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs(args);
        return serve;
    }

    @Test
    void theDemoComesFromThePrebuiltStoreUnlessToldToUseTheScripts() {
        assertThat(parsed().config().demoFromScripts()).isFalse();
        assertThat(parsed("--demo-from-scripts").config().demoFromScripts()).isTrue();
        assertThat(parsed("--demo-from-scripts").config().loadDemo()).isTrue();
        assertThat(CommandLineTest.run("serve", "--help").out()).contains("--demo-from-scripts");
    }

    @Test
    void theStartUpLineSaysHowTheDemoWasLoadedAndInHowLong() {
        var times = new Workbench.StartupTimes(2_000, 2_600);
        assertThat(ServeCommand.preparedLine(true, Optional.of(new DemoData.Load(DemoData.Source.PREBUILT_STORE, 240)), times))
                .isEqualTo("The database was empty: demo markets loaded from the prebuilt demo store in 240 ms; ready 2600 ms after start"
                        + " (HTTP answered after 2000 ms).");
        assertThat(ServeCommand.preparedLine(true, Optional.of(new DemoData.Load(DemoData.Source.SCRIPTS, 14_000)), times))
                .startsWith("The database was empty: demo markets loaded by its scripts in 14000 ms; ready 2600 ms");
        assertThat(ServeCommand.preparedLine(false, Optional.empty(), times)).startsWith("Database prepared; ready 2600 ms");
    }
}
