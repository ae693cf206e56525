package org.cstrat.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.cstrat.server.auth.AuthStore;
import org.cstrat.server.auth.PasswordHasher;
import org.cstrat.server.auth.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cstrat user ...} and {@code cstrat token ...} on a data directory, without a server. */
class UserCommandTest {

    @TempDir
    Path data;

    record Run(int code, String out, String err) {
    }

    /** Runs the CLI with {@code stdin} as standard input: not a terminal, so a password is its first line. */
    static synchronized Run raw(String stdin, String... args) {
        InputStream original = System.in;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            return new Run(Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args), out.toString(), err.toString());
        } finally {
            System.setIn(original);
        }
    }

    private Run run(String stdin, String command, String... args) {
        String[] all = new String[args.length + 3];
        all[0] = command;
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--data";
        all[args.length + 2] = data.toString();
        return raw(stdin, all);
    }

    @Test
    void addsAUserWithThePasswordFromStandardInput() throws Exception {
        Run add = run("first line is the password\nsecond line is not\n", "user", "add", "ann", "--role", "admin");
        assertThat(add.code()).as(add.err()).isZero();
        assertThat(add.out()).contains("Added user 'ann' (admin)");
        assertThat(add.out() + add.err()).doesNotContain("first line is the password");
        var ann = new AuthStore(data).user("ann").orElseThrow();
        assertThat(ann.role()).isEqualTo(Role.ADMIN);
        assertThat(new PasswordHasher().verify("first line is the password".toCharArray(), ann.password())).isTrue();
        assertThat(new PasswordHasher().verify("second line is not".toCharArray(), ann.password())).isFalse();
        assertThat(Files.readString(data.resolve("auth/users.json"))).doesNotContain("first line is the password");

        Run list = run("", "user", "list");
        assertThat(list.out()).containsPattern("(?m)^ann +admin +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d +0$");
    }

    @Test
    void badInputIsOneLineAndExitCode2() {
        assertThat(run("long enough password\n", "user", "add", "Ann Smith", "--role", "admin")).satisfies(r -> {
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err().strip()).startsWith("cstrat: user name must be").doesNotContain("\n");
        });
        assertThat(run("long enough password\n", "user", "add", "ann", "--role", "root")).satisfies(r -> {
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err().strip()).isEqualTo("cstrat: role must be one of viewer, strategist, analyst, admin, got 'root'");
        });
        assertThat(run("short\n", "user", "add", "ann", "--role", "viewer")).satisfies(r -> {
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err().strip()).isEqualTo("cstrat: the password must have 12 to 1024 characters, got 5");
        });
        assertThat(run("", "user", "add", "ann", "--role", "viewer")).satisfies(r -> {
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("no password on standard input");
        });
        assertThat(new AuthStore(data).users()).isEmpty();
        for (String[] args : new String[][] {{"user", "remove", "bob"}, {"user", "passwd", "bob"}, {"user", "role", "bob", "viewer"},
                {"token", "create", "--user", "bob"}, {"token", "revoke", "abcdef012345"}}) {
            Run r = run("long enough password\n", args[0], java.util.Arrays.copyOfRange(args, 1, args.length));
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err().strip()).as(String.join(" ", args)).startsWith("cstrat: No ").doesNotContain("\n");
        }
        assertThat(run("", "user", "add", "ann", "--role", "admin", "secret-as-argument").code())
                .as("a password is never an argument").isEqualTo(2);
    }

    @Test
    void tokensArePrintedOnceListedWithoutTheSecretAndRevoked() throws Exception {
        run("long enough password\n", "user", "add", "ci", "--role", "viewer");
        Run created = run("", "token", "create", "--user", "ci", "--name", "nightly");
        assertThat(created.code()).as(created.err()).isZero();
        String token = created.out().strip();
        assertThat(token).matches("cst_[A-Za-z0-9_-]{43}");
        assertThat(created.err()).contains("shown once");
        assertThat(Files.readString(data.resolve("auth/tokens.json"))).doesNotContain(token);

        Run list = run("", "token", "list");
        assertThat(list.out()).contains("ci", "nightly").doesNotContain(token);
        String id = new AuthStore(data).tokens().get(0).id();
        assertThat(run("", "token", "revoke", id).code()).isZero();
        assertThat(new AuthStore(data).tokens()).isEmpty();
        assertThat(run("", "token", "list").out()).contains("No API tokens");
    }

    @Test
    void passwdAndRoleChangeTheUser() {
        run("long enough password\n", "user", "add", "ann", "--role", "viewer");
        String before = new AuthStore(data).user("ann").orElseThrow().password();
        assertThat(run("another long password\n", "user", "passwd", "ann").code()).isZero();
        var ann = new AuthStore(data).user("ann").orElseThrow();
        assertThat(ann.password()).isNotEqualTo(before);
        assertThat(new PasswordHasher().verify("another long password".toCharArray(), ann.password())).isTrue();
        assertThat(run("", "user", "role", "ann", "analyst").code()).isZero();
        assertThat(new AuthStore(data).user("ann").orElseThrow().role()).isEqualTo(Role.ANALYST);
        assertThat(run("", "user", "remove", "ann").code()).isZero();
        assertThat(new AuthStore(data).users()).isEmpty();
    }
}
