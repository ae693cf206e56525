package org.cstrat.server.cli;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.cstrat.server.core.StartupException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code cstrat bench startup}: what a user waits for. Starts {@code cstrat serve} in a fresh JVM on a fresh temp data
 * directory (the first start, which loads the demo) and then again on the same directory (a restart), and prints for
 * each the time from launching the JVM to the first HTTP answer and to {@code /health} saying {@code ok} (graph prepared).
 */
@Command(name = "startup", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"First start on a fresh temp data dir (demo loaded) and a restart on it, each in a new JVM:",
                "ms from launch to the first HTTP answer and to ready (/health ok), with the load average."})
public final class StartupBenchCommand implements Callable<Integer> {

    static final int MAX_ROUNDS = 10;

    @Spec
    CommandSpec spec;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "1",
            description = "First starts (each on its own fresh dir, followed by a restart) to measure (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "300",
            description = "Seconds a start may take before it counts as failed (default: ${DEFAULT-VALUE}).")
    int timeout;

    /** One measured start: from launching the JVM to the first HTTP answer and to ready, and what it logged about the demo. */
    record Start(long httpMillis, long readyMillis, List<String> demoLines) {
    }

    @Override
    public Integer call() throws Exception {
        if (rounds < 1 || rounds > MAX_ROUNDS) {
            throw new ParameterException(spec.commandLine(), "--rounds must be between 1 and " + MAX_ROUNDS + ", got " + rounds);
        }
        if (timeout < 10 || timeout > 3600) {
            throw new ParameterException(spec.commandLine(), "--timeout must be between 10 and 3600 seconds, got " + timeout);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "Load average before: %s (%d cores)%n", loadAverage(), Runtime.getRuntime().availableProcessors());
        out.println("Class-data archive: " + classDataSharing().stream().filter(a -> a.startsWith("-XX:SharedArchiveFile="))
                .map(a -> a.substring("-XX:SharedArchiveFile=".length())).findFirst()
                .orElse("none (./cstrat makes server/target/cstrat-server.jsa when the first serve after a build stops)"));
        for (int round = 1; round <= rounds; round++) {
            Path dir = Files.createTempDirectory("cstrat-bench-startup");
            try {
                Start first = start(dir);
                print(out, "first start (demo load)", first);
                Start restart = start(dir);
                print(out, "restart", restart);
            } finally {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
        out.printf(Locale.ROOT, "Load average after: %s%n", loadAverage());
        return 0;
    }

    private static void print(PrintWriter out, String what, Start s) {
        out.printf(Locale.ROOT, "%-24s HTTP answering after %,6d ms; ready after %,6d ms%n", what, s.httpMillis(), s.readyMillis());
        s.demoLines().forEach(l -> out.println("    " + l));
        out.flush();
    }

    /** Launches {@code serve} on {@code dir} in a new JVM, polls it until ready, then stops it (SIGTERM, as Ctrl-C). */
    private Start start(Path dir) throws IOException, InterruptedException {
        int httpPort = freePort();
        int boltPort = freePort();
        List<String> command = new ArrayList<>(javaCommand());
        command.addAll(List.of("serve", "--data", dir.toString(), "--http-port", "" + httpPort, "--bolt-port", "" + boltPort, "--auth", "off"));
        long begin = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> demoLines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    if (line.contains("loaded in") || line.contains("applied in") || line.contains("INFO Workbench - HTTP answering") || line.contains("imported:") || line.contains("Demo market ")) {
                        demoLines.add(line.replaceFirst("^\\S+ INFO ", ""));
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "cstrat-bench-startup-output");
        reader.setDaemon(true);
        reader.start();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        URI health = URI.create("http://127.0.0.1:" + httpPort + "/health");
        long http = -1;
        long deadline = begin + Duration.ofSeconds(timeout).toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new StartupException("cstrat serve ended with exit code " + process.exitValue() + " before it was ready");
                }
                try {
                    HttpResponse<String> answer = client.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    long now = (System.nanoTime() - begin) / 1_000_000;
                    if (http < 0) {
                        http = now;
                    }
                    if (answer.body().contains("\"status\":\"ok\"")) {
                        reader.join(200); // the log line of the demo load comes just before ready
                        return new Start(http, now, List.copyOf(demoLines));
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(50);
            }
            throw new StartupException("cstrat serve was not ready within " + timeout + " s (--timeout)");
        } finally {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** The command that started this JVM's CLI: {@code java -jar cstrat-server.jar}, or the classpath and main class. */
    private static List<String> javaCommand() {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classPath = System.getProperty("java.class.path");
        List<String> command = new ArrayList<>(List.of(java));
        // the class-data archive the launcher gave this JVM (./cstrat), so that the measured starts use it as serve would
        command.addAll(classDataSharing());
        if (classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator)) {
            command.addAll(List.of("-jar", classPath));
        } else {
            command.addAll(List.of("--add-opens", "java.base/java.nio=ALL-UNNAMED", "--add-opens", "java.base/java.io=ALL-UNNAMED",
                    "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED", "-cp", classPath, Main.class.getName()));
        }
        return command;
    }

    /** This JVM's class-data sharing options ({@code -XX:SharedArchiveFile=...}, {@code -Xlog:cds...}); empty without. */
    static List<String> classDataSharing() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-XX:SharedArchiveFile=") || a.startsWith("-Xlog:cds"))
                .toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static String loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", load);
    }
}
