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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.cstrat.server.core.StartupException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code cstrat bench startup}: what a user waits for. Starts {@code cstrat serve} in a fresh JVM on a fresh temp data
 * directory (the first start, which unpacks the prebuilt demo store) and then again on the same directory (a restart),
 * then a first start on another fresh directory with {@code --demo-from-scripts} (the demo loaded by its scripts), and
 * prints for each the time from launching the JVM to the first HTTP answer and to {@code /health} saying {@code ok}
 * (graph prepared), and how the two first starts compare.
 */
@Command(name = "startup", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"First start on a fresh temp data dir (demo from the prebuilt store) and a restart on it, then a first",
                "start with --demo-from-scripts, each in a new JVM: ms from launch to the first HTTP answer and to ready",
                "(/health ok), the demo load of both first starts and their ratio, with the load average."})
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

    /** The start-up log's line of a demo load, by the scripts or from the prebuilt store, with its milliseconds. */
    static final Pattern DEMO_LOADED = Pattern.compile("Demo markets loaded (?:from the prebuilt demo store )?in (\\d+) ms");

    /** One measured start: from launching the JVM to the first HTTP answer and to ready, and what it logged about the demo. */
    record Start(long httpMillis, long readyMillis, List<String> demoLines) {

        /** The demo load's milliseconds from its log line; -1 when this start logged none (a restart). */
        long demoMillis() {
            return demoLines.stream().map(DEMO_LOADED::matcher).filter(Matcher::find).mapToLong(m -> Long.parseLong(m.group(1)))
                    .findFirst().orElse(-1);
        }

        boolean fromPrebuiltStore() {
            return demoLines.stream().anyMatch(l -> l.contains("Demo markets loaded from the prebuilt demo store"));
        }
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
            Path scriptsDir = Files.createTempDirectory("cstrat-bench-startup-scripts");
            try {
                Start first = start(dir, false);
                print(out, "first start (demo store)", first);
                if (!first.fromPrebuiltStore()) {
                    out.println("    (this build has no usable prebuilt demo store: the demo was loaded by its scripts)");
                }
                Start restart = start(dir, false);
                print(out, "restart", restart);
                Start scripted = start(scriptsDir, true);
                print(out, "first start (scripts)", scripted);
                out.println(comparison(first, scripted));
            } finally {
                delete(dir);
                delete(scriptsDir);
            }
        }
        out.printf(Locale.ROOT, "Load average after: %s%n", loadAverage());
        return 0;
    }

    /** How the first start from the prebuilt store compares with one by the scripts: demo load and ready, with ratios. */
    static String comparison(Start store, Start scripts) {
        return String.format(Locale.ROOT, "prebuilt demo store vs scripts: demo load %,d vs %,d ms (%s); first start ready %,d vs %,d ms (%s)",
                store.demoMillis(), scripts.demoMillis(), ratio(scripts.demoMillis(), store.demoMillis()),
                store.readyMillis(), scripts.readyMillis(), ratio(scripts.readyMillis(), store.readyMillis()));
    }

    private static String ratio(long slow, long fast) {
        return slow < 0 || fast <= 0 ? "ratio n/a" : String.format(Locale.ROOT, "%.1fx faster", (double) slow / fast);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static void print(PrintWriter out, String what, Start s) {
        out.printf(Locale.ROOT, "%-24s HTTP answering after %,6d ms; ready after %,6d ms%n", what, s.httpMillis(), s.readyMillis());
        s.demoLines().forEach(l -> out.println("    " + l));
        out.flush();
    }

    /** Launches {@code serve} on {@code dir} in a new JVM, polls it until ready, then stops it (SIGTERM, as Ctrl-C). */
    private Start start(Path dir, boolean demoFromScripts) throws IOException, InterruptedException {
        int httpPort = freePort();
        int boltPort = freePort();
        List<String> command = new ArrayList<>(javaCommand());
        command.addAll(List.of("serve", "--data", dir.toString(), "--http-port", "" + httpPort, "--bolt-port", "" + boltPort, "--auth", "off"));
        if (demoFromScripts) {
            command.add("--demo-from-scripts");
        }
        long begin = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> demoLines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    if (line.contains("loaded in") || line.contains("prebuilt demo store") || line.contains("applied in") || line.contains("INFO Workbench - HTTP answering") || line.contains("imported:") || line.contains("Demo market ")) {
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
