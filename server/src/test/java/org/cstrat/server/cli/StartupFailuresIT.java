package org.cstrat.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up failures give one clear line naming the culprit, exit code 1, and no stack trace. */
class StartupFailuresIT {

    @TempDir
    Path temp;

    @Test
    void httpPortInUse() throws IOException {
        try (ServerSocket busy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = busy.getLocalPort();
            var run = CommandLineTest.run("serve", "--data", temp.resolve("db").toString(), "--http-port", "" + port, "--bolt-port", "0");
            assertThat(run.code()).isEqualTo(1);
            assertThat(run.err()).contains("HTTP port " + port).contains("in use").doesNotContain("\tat ");
        }
    }

    @Test
    void boltPortInUse() throws IOException {
        try (ServerSocket busy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = busy.getLocalPort();
            var run = CommandLineTest.run("serve", "--data", temp.resolve("db").toString(), "--http-port", "0", "--bolt-port", "" + port);
            assertThat(run.code()).isEqualTo(1);
            assertThat(run.err()).contains("Bolt port " + port).contains("in use").doesNotContain("\tat ");
        }
    }

    @Test
    void dataDirThatIsNotADirectory() throws IOException {
        Path file = Files.writeString(temp.resolve("not-a-dir"), "x");
        var run = CommandLineTest.run("serve", "--data", file.resolve("db").toString(), "--http-port", "0", "--bolt-port", "0");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("Data directory").contains(file.toString()).doesNotContain("\tat ");
    }

    @Test
    void unreachableExternalDatabase() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        var run = CommandLineTest.run("serve", "--http-port", "0", "--neo4j-uri", "bolt://127.0.0.1:" + port);
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("bolt://127.0.0.1:" + port).doesNotContain("\tat ");
    }

    @Test
    void externalDatabaseThatNeverAnswersFailsAfterABoundedWait() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (!silent.isClosed()) {
                        accepted.add(silent.accept());
                    }
                } catch (IOException ignored) {
                    // closed at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            var run = assertTimeoutPreemptively(Duration.ofSeconds(90), () ->
                    CommandLineTest.run("serve", "--http-port", "0", "--neo4j-uri", "neo4j://127.0.0.1:" + silent.getLocalPort()));
            assertThat(run.code()).isEqualTo(1);
            assertThat(run.err()).contains("127.0.0.1:" + silent.getLocalPort()).doesNotContain("\tat ");
        }
    }
}
