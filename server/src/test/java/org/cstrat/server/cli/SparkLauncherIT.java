package org.cstrat.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./cstrat simulate --spark-master} as a user runs it: the launcher puts the Spark module (built before the
 * server in the reactor) on the classpath with Spark's JVM flags. A Spark run writes the in-process run's JSON; an
 * unreachable master is one line and exit 1 in bounded time.
 */
class SparkLauncherIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path SCENARIO = ROOT.resolve("simulations/scenarios/mobility-curated.json");

    @TempDir
    Path temp;

    record Run(int code, String out, String err, double seconds) {
    }

    @BeforeAll
    static void sparkModuleIsBuilt() {
        assertThat(ROOT.resolve("simulations/spark/target/cstrat-simulations-spark.jar"))
                .as("the Spark module is built before the server (mvn -B package from the root)").exists();
        assertThat(ROOT.resolve("server/target/cstrat-server.jar")).exists();
    }

    static Run cstrat(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", ROOT.resolve("cstrat").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        pb.environment().put("CSTRAT_SKIP_BUILD", "1");
        long start = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("cstrat " + String.join(" ", args) + " did not finish within 180 s");
        }
        return new Run(p.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8), (System.nanoTime() - start) / 1e9);
    }

    @Test
    void aSparkRunWritesTheInProcessNumbers() throws Exception {
        Path a = temp.resolve("a.json");
        Path b = temp.resolve("b.json");
        Run spark = cstrat(temp, "simulate", SCENARIO.toString(), "--runs", "300", "--seed", "42", "--spark-master", "local[2]",
                "--out", a.toString());
        assertThat(spark.code()).as(spark.err()).isZero();
        assertThat(spark.err()).contains("running on Spark local[2]").contains("simulating: 100% (300/300)");
        Run local = cstrat(temp, "simulate", SCENARIO.toString(), "--runs", "300", "--seed", "42", "--out", b.toString());
        assertThat(local.code()).as(local.err()).isZero();
        ObjectMapper json = new ObjectMapper();
        ObjectNode onSpark = (ObjectNode) json.readTree(a.toFile());
        ObjectNode inProcess = (ObjectNode) json.readTree(b.toFile());
        onSpark.remove("elapsedMillis");
        inProcess.remove("elapsedMillis");
        assertThat(onSpark).isEqualTo(inProcess);
        assertThat(table(spark.out())).isEqualTo(table(local.out())).contains("curated-loyalty");
    }

    /** The printed table less the line naming the output file. */
    private static String table(String out) {
        return out.lines().filter(l -> !l.startsWith("Wrote ")).reduce("", (x, y) -> x + y + "\n");
    }

    @Test
    void anUnreachableMasterIsOneLineAndExit1WithinTheTimeout() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String master = "spark://127.0.0.1:" + port;
        Run run = cstrat(temp, "simulate", SCENARIO.toString(), "--runs", "5", "--spark-master", master, "--spark-timeout", "3");
        assertThat(run.code()).as(run.err()).isEqualTo(1);
        assertThat(run.err().strip().lines()).as(run.err()).hasSize(1)
                .allSatisfy(line -> assertThat(line).startsWith("cstrat: Spark master " + master + " cannot be reached"));
        assertThat(run.seconds()).as("bounded by --spark-timeout and the JVM's start").isLessThan(30);
    }
}
