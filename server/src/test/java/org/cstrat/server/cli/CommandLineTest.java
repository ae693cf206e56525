package org.cstrat.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Optional;
import java.io.StringWriter;

import org.cstrat.server.config.NetworkNames;
import org.cstrat.server.neo4j.EmbeddedCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Usage errors: a one-line error and the usage, exit code 2, nothing started. */
public class CommandLineTest {

    public record Run(int code, String out, String err) {
    }

    public static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void unknownOptionIsUsageError() {
        Run run = run("serve", "--bogus");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option: '--bogus'").contains("Usage: cstrat serve");
    }

    @Test
    void nonNumericPortIsUsageError() {
        Run run = run("serve", "--http-port", "seventy");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--http-port").contains("seventy");
    }

    @Test
    void outOfRangePortIsUsageError() {
        Run run = run("serve", "--bolt-port", "70000");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--bolt-port").contains("70000").contains("Usage:");
    }

    @Test
    void badNeo4jUriIsUsageError() {
        Run run = run("serve", "--neo4j-uri", "http://example.invalid:7474");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--neo4j-uri").contains("bolt://");
    }

    @Test
    void listeningBeyondLoopbackWithoutAPasswordIsRefused() {
        Run run = run("serve", "--host", "0.0.0.0", "--neo4j-password", "");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("refusing to listen on 0.0.0.0 without a password");
    }

    @Test
    void aTrustedOriginThatIsNotAnOriginIsAUsageError() {
        Run run = run("serve", "--trusted-origin", "https://workbench.example.com/app");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--trusted-origin must be an origin such as https://workbench.example.com", "'https://workbench.example.com/app'");
    }

    @Test
    void trustedOriginsAreReadRepeatedOrCommaSeparated() {
        ServeCommand serve = new ServeCommand();
        new picocli.CommandLine(serve).parseArgs("--trusted-origin", "https://a.example,https://B.example:8443/", "--trusted-origin", "http://c.example");
        assertThat(serve.config().trustedOrigins()).containsExactly("https://a.example", "https://b.example:8443", "http://c.example");
        ServeCommand none = new ServeCommand();
        new picocli.CommandLine(none).parseArgs();
        assertThat(none.config().trustedOrigins()).isEmpty();
    }

    @TempDir
    Path temp;

    @Test
    void theGeneratedPasswordIsNeverPrintedOnlyWhereItIs() throws IOException {
        Path data = temp.resolve("data");
        EmbeddedCredentials generated = EmbeddedCredentials.resolve(data, Optional.empty());
        assertThat(generated.generated()).isTrue();
        String line = ServeCommand.credentialsLine(generated);
        assertThat(line).doesNotContain(generated.password())
                .contains(EmbeddedCredentials.passwordFile(data).toAbsolutePath().toString(), "generated into", "readable only by you");
        assertThat(Files.getPosixFilePermissions(EmbeddedCredentials.passwordFile(data))).containsExactlyInAnyOrder(
                PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        EmbeddedCredentials given = EmbeddedCredentials.resolve(data, Optional.of("given-secret-123"));
        assertThat(ServeCommand.credentialsLine(given)).doesNotContain("given-secret-123").contains("as given");
        ServeCommand serve = serve("--host", "0.0.0.0", "--neo4j-password", "given-secret-123");
        assertThat(serve.config().toString()).doesNotContain("given-secret-123").contains("0.0.0.0");
    }

    @Test
    void aPasswordFileGivesItsFirstLineTrimmed() throws IOException {
        Path file = Files.writeString(temp.resolve("pw"), "  s3cret-from-file \nsecond line\n");
        ServeCommand serve = serve("--host", "0.0.0.0", "--neo4j-password-file", file.toString());
        assertThat(serve.config().embeddedPassword()).contains("s3cret-from-file");
        ServeCommand external = serve("--neo4j-uri", "bolt://db.example:7687", "--neo4j-password-file", file.toString());
        assertThat(external.config().external().orElseThrow().password()).isEqualTo("s3cret-from-file");
    }

    @Test
    void anEmptyOrMissingPasswordFileOrBothAreUsageErrors() throws IOException {
        Path empty = Files.writeString(temp.resolve("empty"), "\n");
        Run run = run("serve", "--neo4j-password-file", empty.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--neo4j-password-file " + empty, "is empty");
        Path missing = temp.resolve("missing");
        run = run("serve", "--neo4j-password-file", missing.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("Cannot read --neo4j-password-file " + missing, "no such file");
        Path file = Files.writeString(temp.resolve("pw"), "s3cret-from-file\n");
        run = run("serve", "--neo4j-password", "other-secret", "--neo4j-password-file", file.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("not both").doesNotContain("other-secret").doesNotContain("s3cret-from-file");
        for (String command : new String[] {"import", "calibrate", "cypher-shell"}) {
            List<String> args = new java.util.ArrayList<>(List.of(command, "--data", temp.resolve("none").toString(),
                    "--neo4j-password-file", missing.toString()));
            if (!command.equals("cypher-shell")) {
                args.addAll(List.of("--firm", "acme"));
            }
            if (command.equals("import")) {
                args.add(temp.toString());
            }
            Run r = run(args.toArray(String[]::new));
            assertThat(r.code()).as(command + ": " + r.err()).isEqualTo(2);
            assertThat(r.err()).as(command).contains("Cannot read --neo4j-password-file " + missing);
        }
    }

    @Test
    void aFieldLengthCapBelowOneIsAUsageError() {
        Run run = run("import", "--firm", "acme", "--max-field-length", "0", "--data", temp.resolve("none").toString(), temp.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--max-field-length must be at least 1, got 0");
        assertThat(run("import", "--help").out()).contains("--max-field-length", "4096");
    }

    @Test
    void aWildcardHostIsAdvertisedByTheGivenNameOrThisMachinesName() {
        ServeCommand named = serve("--host", "0.0.0.0", "--neo4j-password", "pw-12345678", "--advertised-host", "workbench.example.org");
        assertThat(named.config().advertisedHost()).contains("workbench.example.org");
        assertThat(named.config().publicHost()).isEqualTo("workbench.example.org");
        ServeCommand unnamed = serve("--host", "::", "--neo4j-password", "pw-12345678");
        assertThat(unnamed.config().publicHost()).isEqualTo(NetworkNames.machineName()).isNotEqualTo("::").isNotEqualTo("0.0.0.0");
        assertThat(serve("--host", "10.1.2.3", "--neo4j-password", "pw-12345678").config().publicHost()).isEqualTo("10.1.2.3");
        assertThat(serve("--advertised-host", "[fd00::1]").config().publicHost()).isEqualTo("fd00::1");
        assertThat(serve().config().publicHost()).isEqualTo("127.0.0.1");
        Run bad = run("serve", "--advertised-host", "http://workbench.example.org/");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--advertised-host must be a host name or an address", "'http://workbench.example.org/'");
    }

    @Test
    void wildcardsAndLocalConnections() {
        assertThat(NetworkNames.isWildcard("0.0.0.0")).isTrue();
        assertThat(NetworkNames.isWildcard("::")).isTrue();
        assertThat(NetworkNames.isWildcard("[::]")).isTrue();
        assertThat(NetworkNames.isWildcard("10.0.0.1")).isFalse();
        assertThat(NetworkNames.localConnectHost("0.0.0.0")).isEqualTo("127.0.0.1");
        assertThat(NetworkNames.localConnectHost("::")).isEqualTo("::1");
        assertThat(NetworkNames.localConnectHost("10.0.0.1")).isEqualTo("10.0.0.1");
        assertThat(NetworkNames.uriHost("::1")).isEqualTo("[::1]");
        assertThat(NetworkNames.machineNamesAndAddresses()).contains("127.0.0.1");
    }

    private static ServeCommand serve(String... args) {
        ServeCommand serve = new ServeCommand();
        new picocli.CommandLine(serve).parseArgs(args);
        return serve;
    }

    @Test
    void unknownCommandIsUsageError() {
        assertThat(run("fly").code()).isEqualTo(2);
    }

    @Test
    void helpAndVersion() {
        Run help = run("serve", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--data", "--http-port", "--bolt-port", "--neo4j-uri", "NEO4J_URI", "--trusted-origin",
                "CSTRAT_TRUSTED_ORIGINS", "--advertised-host", "--neo4j-password-file", "NEO4J_PASSWORD_FILE");
        assertThat(run("--version").out()).contains("Connected Strategy Workbench");
    }

    /**
     * picocli formats every description with {@code String.format}; a lone {@code %} (as in "±20 % for") fails, and
     * each usage then printed "[picocli WARN] Could not format ..." on stderr. Every command's usage renders with no
     * warning. picocli's tracer writes to {@code System.err} as it is at each warning, so the test reads it from there.
     */
    @Test
    void everyCommandsUsageRendersWithoutPicocliWarnings() {
        java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
        java.io.PrintStream previous = System.err;
        System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
        List<String> rendered = new java.util.ArrayList<>();
        try {
            java.util.Deque<picocli.CommandLine> commands = new java.util.ArrayDeque<>(List.of(new picocli.CommandLine(new Main())));
            while (!commands.isEmpty()) {
                picocli.CommandLine command = commands.pop();
                commands.addAll(command.getSubcommands().values());
                StringWriter usage = new StringWriter();
                command.usage(new PrintWriter(usage));
                assertThat(usage.toString()).as(command.getCommandSpec().qualifiedName()).contains("Usage: ");
                rendered.add(command.getCommandSpec().qualifiedName());
            }
            Run usageError = run("simulate", "--runs", "zero");
            assertThat(usageError.code()).isEqualTo(2);
            assertThat(usageError.err()).contains("±20 % for").doesNotContain("[picocli");
        } finally {
            System.setErr(previous);
        }
        assertThat(rendered).as("commands rendered").hasSizeGreaterThan(10).contains("cstrat simulate", "cstrat import");
        assertThat(warnings.toString(java.nio.charset.StandardCharsets.UTF_8)).as("picocli warnings on stderr").isEmpty();
    }

    @Test
    void importHelpNamesOnlyOptionsThatExist() {
        Run help = run("import", "--help");
        assertThat(help.out()).doesNotContain("--bolt-uri").contains("NEO4J_URI", "--data");
        java.util.regex.Matcher options = java.util.regex.Pattern.compile("--[a-z][a-z0-9-]+").matcher(help.out());
        picocli.CommandLine.Model.CommandSpec spec = new picocli.CommandLine(new Main()).getSubcommands().get("import").getCommandSpec();
        while (options.find()) {
            assertThat(spec.findOption(options.group())).as(options.group() + " in import --help").isNotNull();
        }
    }

    /** A stub command connected to a database whose server then goes away, as an import does when the server crashes. */
    @picocli.CommandLine.Command(name = "stub")
    static final class LostConnectionCommand implements java.util.concurrent.Callable<Integer> {
        @picocli.CommandLine.Mixin
        Link link = new Link();

        @picocli.CommandLine.Command
        static final class Link implements GraphLink {
            @Override
            public Optional<java.net.URI> connectedUri() {
                return Optional.of(java.net.URI.create("bolt://127.0.0.1:7687"));
            }
        }

        @Override
        public Integer call() {
            throw new IllegalStateException("import failed", new org.neo4j.driver.exceptions.ServiceUnavailableException(
                    "Connection to the database terminated. Please ensure that your database is listening on the correct host and port"
                            + " and that you have compatible encryption settings both on Neo4j server and driver.\nmore detail",
                    new java.io.IOException("Connection reset by peer")));
        }
    }

    @Test
    void aConnectionLostUnderARunningCommandIsOneLineNamingTheDatabase() {
        StringWriter err = new StringWriter();
        picocli.CommandLine cli = new picocli.CommandLine(new LostConnectionCommand());
        cli.setErr(new PrintWriter(err, true));
        int code = Main.withErrorHandlers(cli).execute();
        assertThat(code).isEqualTo(1);
        assertThat(err.toString().lines().toList()).hasSize(1).first().asString()
                .startsWith("cstrat: lost the connection to the database at bolt://127.0.0.1:7687 (Connection to the database terminated.")
                .contains("still running").doesNotContain("Exception", "\tat ");
    }
}
