package org.cstrat.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.cstrat.server.Main;
import org.junit.jupiter.api.Test;

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

    @Test
    void unknownCommandIsUsageError() {
        assertThat(run("fly").code()).isEqualTo(2);
    }

    @Test
    void helpAndVersion() {
        Run help = run("serve", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--data", "--http-port", "--bolt-port", "--neo4j-uri", "NEO4J_URI", "--trusted-origin",
                "CSTRAT_TRUSTED_ORIGINS");
        assertThat(run("--version").out()).contains("Connected Strategy Workbench");
    }
}
