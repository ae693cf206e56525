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

    /** The estimate printed on the line of {@code name}, rounded to {@code digits}. */
    static double estimate(String out, String name, int digits) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\s*" + name + "\\s+(-?[0-9.]+)\\s").matcher(out);
        assertThat(m.find()).as("a line for %s in%n%s", name, out).isTrue();
        return java.math.BigDecimal.valueOf(Double.parseDouble(m.group(1))).setScale(digits, java.math.RoundingMode.HALF_UP).doubleValue();
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
            assertThat(run.out()).as(example).contains("log-likelihood -9582.4");
            // the published estimates (FHL 2005; Fader & Hardie 2013 note 025), to their published digits
            assertThat(estimate(run.out(), "r", 3)).isEqualTo(0.243);
            assertThat(estimate(run.out(), "alpha", 3)).isEqualTo(4.414);
            assertThat(estimate(run.out(), "a", 3)).isEqualTo(0.793);
            assertThat(estimate(run.out(), "b", 3)).isEqualTo(2.426);
            assertThat(estimate(run.out(), "p", 2)).isEqualTo(6.25);
            assertThat(estimate(run.out(), "q", 2)).isEqualTo(3.74);
            assertThat(estimate(run.out(), "v", 2)).isEqualTo(15.44);
        }
    }
}
