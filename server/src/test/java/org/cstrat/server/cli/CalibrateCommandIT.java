package org.cstrat.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.cstrat.server.Workbench;
import org.cstrat.server.neo4j.EmbeddedCredentials;
import org.cstrat.server.testing.EmbeddedNeo4j;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code cstrat calibrate} against the running test workbench, found through a data directory that points at it. */
@ExtendWith(EmbeddedNeo4j.class)
class CalibrateCommandIT {

    @TempDir
    Path data;

    @BeforeEach
    void pointAtTheRunningWorkbench(Workbench workbench) throws IOException {
        workbench.runtimeInfo().write(data);
        Path password = EmbeddedCredentials.passwordFile(data);
        Files.createDirectories(password.getParent());
        Files.writeString(password, EmbeddedNeo4j.CREDENTIALS.password());
    }

    @Test
    void anUnknownFirmIsOneLineAndExitCode2() {
        var run = CommandLineTest.run("calibrate", "--firm", "atlantis-cars", "--data", data.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().lines().toList()).containsExactly("cstrat: No firm with id 'atlantis-cars'");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aFirmWhoseValuesAreNotFittedIsToldWhatToDo() {
        var run = CommandLineTest.run("calibrate", "--firm", "zipcar", "--data", data.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("values are not fitted", "POST /api/firms/zipcar/value");
    }

    @Test
    void writesAScenarioThatSimulateRunsWithoutTheGraph() throws IOException {
        Path file = data.resolve("equinox.json");
        var run = CommandLineTest.run("calibrate", "--firm", "equinox", "--data", data.toString(), "--out", file.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("Wrote " + file, "uncertain parameters");

        var simulated = CommandLineTest.run("simulate", file.toString(), "--runs", "20", "--threads", "1",
                "--data", data.resolve("no-workbench-here").toString());
        assertThat(simulated.code()).as(simulated.err()).isZero();
        assertThat(simulated.out()).contains("current: ", "P(A beats B)");

        var printed = CommandLineTest.run("calibrate", "--firm", "equinox", "--data", data.toString());
        assertThat(printed.code()).isZero();
        assertThat(new ObjectMapper().readTree(printed.out())).isEqualTo(new ObjectMapper().readTree(file.toFile()));
    }

    @Test
    void helpDocumentsEveryOptionAndBadOnesAreUsageErrors() {
        assertThat(CommandLineTest.run("calibrate", "--help").out()).contains("--firm", "--out", "--neo4j-uri", "--data", "Exit codes");
        assertThat(CommandLineTest.run("--help").out()).contains("calibrate");
        assertThat(CommandLineTest.run("calibrate").code()).as("--firm is required").isEqualTo(2);
        assertThat(CommandLineTest.run("calibrate", "--firm", "equinox", "--out", "x.txt").code()).isEqualTo(2);
        assertThat(CommandLineTest.run("calibrate", "--firm", "equinox", "--neo4j-uri", "http://localhost").code()).isEqualTo(2);
    }

    /**
     * The workbench runs with a password of its own (NEO4J_PASSWORD at start, nothing in DATA/auth): without it, or with a
     * stale one in DATA/auth, the command says which password is missing and how to give it, in one line, without it.
     */
    @Test
    void aMissingOrWrongPasswordSaysWhichAndHowToGiveIt(Workbench workbench) throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("NEO4J_PASSWORD") == null && System.getenv("NEO4J_URI") == null,
                "the test's environment gives a password");
        Files.delete(EmbeddedCredentials.passwordFile(data));
        var none = CommandLineTest.run("calibrate", "--firm", "equinox", "--data", data.toString());
        assertThat(none.code()).isEqualTo(1);
        assertThat(none.err().lines().toList()).containsExactly("cstrat: The database at " + workbench.runtimeInfo().connectBolt()
                + " asks for a password and none was given: set NEO4J_PASSWORD to the password the workbench was started with,"
                + " or put it in a file and pass --neo4j-password-file FILE.");

        Files.writeString(EmbeddedCredentials.passwordFile(data), "stale-password-from-an-earlier-start");
        var wrong = CommandLineTest.run("calibrate", "--firm", "equinox", "--data", data.toString());
        assertThat(wrong.code()).isEqualTo(1);
        assertThat(wrong.err().lines().toList()).hasSize(1).first().asString()
                .contains("refused user neo4j with the password from " + EmbeddedCredentials.passwordFile(data), "NEO4J_PASSWORD")
                .doesNotContain("stale-password");

        Path file = Files.writeString(data.resolve("pw"), EmbeddedNeo4j.CREDENTIALS.password() + "\n");
        var given = CommandLineTest.run("calibrate", "--firm", "atlantis-cars", "--data", data.toString(), "--neo4j-password-file", file.toString());
        assertThat(given.err()).as("connected: the firm is what is wrong").contains("No firm with id 'atlantis-cars'");
    }
}
