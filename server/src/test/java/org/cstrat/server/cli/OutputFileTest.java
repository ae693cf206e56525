package org.cstrat.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** The one --out check of simulate, optimise and calibrate: refused before any work, each refusal naming its cause. */
class OutputFileTest {

    @TempDir
    Path temp;

    private final CommandSpec spec = new CommandLine(CommandSpec.create()).getCommandSpec();

    @Test
    void aWritableFileWithAnAllowedEndingPasses() throws IOException {
        assertThatCode(() -> OutputFile.check(spec, null, ".json")).as("no --out").doesNotThrowAnyException();
        assertThatCode(() -> OutputFile.check(spec, temp.resolve("r.CSV"), ".json", ".csv")).doesNotThrowAnyException();
        Path existing = Files.writeString(temp.resolve("old.json"), "{}");
        assertThatCode(() -> OutputFile.check(spec, existing, ".json")).as("replaced").doesNotThrowAnyException();
    }

    @Test
    void eachRefusalNamesItsCause() throws IOException {
        assertThatThrownBy(() -> OutputFile.check(spec, temp.resolve("r.txt"), ".json", ".csv")).isInstanceOf(ParameterException.class)
                .hasMessage("--out must end in .json or .csv, got " + temp.resolve("r.txt"));
        assertThatThrownBy(() -> OutputFile.check(spec, temp.resolve("r.csv"), ".json"))
                .hasMessage("--out must end in .json, got " + temp.resolve("r.csv"));
        Path directory = Files.createDirectory(temp.resolve("results.json"));
        assertThatThrownBy(() -> OutputFile.check(spec, directory, ".json")).hasMessageContaining("is a directory");
        assertThatThrownBy(() -> OutputFile.check(spec, temp.resolve("missing/r.json"), ".json"))
                .hasMessageContaining("the directory " + temp.resolve("missing") + " does not exist;");
        Path file = Files.writeString(temp.resolve("plain"), "x");
        assertThatThrownBy(() -> OutputFile.check(spec, file.resolve("r.json"), ".json")).hasMessageContaining("(it is a file)");
    }

    @Test
    void optimiseAndCalibrateRefuseAnOutThatCannotBeWrittenBeforeAnyWork() {
        String missing = temp.resolve("missing/r.json").toString();
        var optimise = CommandLineTest.run("optimise", "no-such-scenario.json", "--out", missing);
        assertThat(optimise.code()).isEqualTo(2);
        assertThat(optimise.err()).contains("--out: the directory", "does not exist").doesNotContain("no-such-scenario.json:");
        var calibrate = CommandLineTest.run("calibrate", "--firm", "equinox", "--data", temp.resolve("no-workbench").toString(),
                "--out", missing);
        assertThat(calibrate.code()).isEqualTo(2);
        assertThat(calibrate.err()).contains("--out: the directory", "does not exist").doesNotContain("No running workbench");
    }
}
