package org.cstrat.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The README's examples run as written, from the root of a clone (tests run in {@code server/}, hence {@code ..}). */
class ReadmeExamplesTest {

    static final Path ROOT = Path.of("..");

    /** The README's command lines ({@code ./cstrat ...} in its sh blocks) that start with {@code prefix}, without comments. */
    static List<String> commands(String prefix) throws IOException {
        List<String> commands = new java.util.ArrayList<>();
        boolean inBlock = false;
        for (String line : Files.readAllLines(ROOT.resolve("README.md"))) {
            if (line.startsWith("```")) {
                inBlock = line.startsWith("```sh");
            } else if (inBlock && line.startsWith("./cstrat " + prefix)) {
                commands.add(line.replaceAll("\\s+#.*$", "").strip());
            }
        }
        return commands;
    }

    @Test
    void theClvFitExampleRunsOnTheShippedCdnowSampleAndPrintsThePublishedEstimates() throws IOException {
        List<String> examples = commands("clv fit");
        assertThat(examples).as("the README shows a clv fit command line").isNotEmpty();
        for (String example : examples) {
            String[] args = Arrays.stream(example.substring("./cstrat ".length()).split("\\s+"))
                    .map(a -> a.contains("/") && Files.exists(ROOT.resolve(a)) ? ROOT.resolve(a).toString() : a)
                    .toArray(String[]::new);
            var run = CommandLineTest.run(args);
            assertThat(run.code()).as(example + "\n" + run.err()).isZero();
            assertThat(run.out()).as(example).contains("log-likelihood -9582.4", "0.243", "4.414", "6.25", "3.74");
        }
    }
}
