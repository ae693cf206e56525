package org.cstrat.server.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.cstrat.server.core.NotFoundException;
import org.cstrat.server.auth.ApiToken;
import org.cstrat.server.auth.AuthStore;
import org.cstrat.server.auth.PasswordHasher;
import org.cstrat.server.auth.Role;
import org.cstrat.server.auth.User;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cstrat user add|list|remove|passwd|role}: the web app's users in {@code DATA/auth/users.json}. Works while
 * {@code serve} runs: the server re-reads the file when it changes.
 */
@Command(name = "user", mixinStandardHelpOptions = true,
        description = {"Manage the users of the web app and API (kept in DATA/auth/users.json, readable only by you; a running"
                + " workbench picks changes up at once).",
                "Roles, each including the ones before it: viewer (reads), strategist (edits markets and firms, runs simulations),"
                + " analyst (console, customer pages), admin (imports).",
                "Passwords are read from the terminal (asked twice) or, when standard input is not a terminal, from its first line;"
                + " never from an argument. At least " + UserCommand.MIN_PASSWORD + " characters.",
                "Exit codes: 0 done, 1 failure (e.g. the files cannot be written), 2 bad name, role or password, or unknown user."},
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.Remove.class, UserCommand.Passwd.class,
                UserCommand.SetRole.class})
public final class UserCommand implements Runnable {

    /** Fewest characters a password may have (NIST SP 800-63B asks for at least 8; 12 leaves a margin). */
    public static final int MIN_PASSWORD = 12;
    static final int MAX_PASSWORD = 1024;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code --data DIR}, shared by the user and token commands. */
    static final class DataDir {
        @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
                description = "Data directory of the workbench (default: ${DEFAULT-VALUE}); users are in DIR/auth/users.json.")
        Path dir;

        AuthStore store() {
            return new AuthStore(dir);
        }
    }

    /**
     * A user or token subcommand: {@code --data}, the store there, and what the subcommand does with it. Bad input and
     * unknown names are one line on stderr and exit code 2.
     */
    abstract static class StoreCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        DataDir data;

        @Override
        public final Integer call() throws Exception {
            try {
                return call(data.store(), spec.commandLine().getOut());
            } catch (IllegalArgumentException | NotFoundException e) {
                spec.commandLine().getErr().println("cstrat: " + e.getMessage());
                spec.commandLine().getErr().flush();
                return CommandLine.ExitCode.USAGE;
            }
        }

        /** Does the subcommand's work on {@code store}, printing on {@code out}; answers the exit code. */
        abstract int call(AuthStore store, PrintWriter out) throws Exception;

        /** The user called {@code name}; a malformed name is an {@link IllegalArgumentException}, an unknown one a {@link NotFoundException}. */
        static User existing(AuthStore store, String name) {
            return store.user(User.checkName(name)).orElseThrow(() -> new NotFoundException("user", name));
        }

        /** A creation time as the list tables show it: {@code 2026-12-07 03:04:05} (UTC). */
        static String shown(Instant created) {
            return created.toString().substring(0, 19).replace('T', ' ');
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a user; the password is asked for (or read from standard input).")
    static final class Add extends StoreCommand {
        @Parameters(paramLabel = "NAME", description = "1-64 lower-case letters, digits, '.', '_' or '-'.")
        String name;
        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "viewer, strategist, analyst or admin.")
        String role;

        @Override
        int call(AuthStore store, PrintWriter out) throws IOException {
            User.checkName(name);
            Role r = Role.parse(role);
            if (store.user(name).isPresent()) {
                throw new IllegalArgumentException("user '" + name + "' already exists (./cstrat user passwd or user role change it)");
            }
            String hash = hash(spec, name);
            store.add(new User(name, r, hash, Clock.systemUTC().instant()));
            out.println("Added user '" + name + "' (" + r.id() + ") to " + store.usersFile());
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the users with their role, creation time and number of API tokens.")
    static final class ListUsers extends StoreCommand {
        @Override
        int call(AuthStore store, PrintWriter out) {
            Map<String, Long> tokens = store.tokens().stream().collect(Collectors.groupingBy(ApiToken::user, Collectors.counting()));
            var users = store.users();
            if (users.isEmpty()) {
                out.println("No users yet: ./cstrat user add NAME --role admin");
                return 0;
            }
            out.printf("%-24s %-11s %-20s %s%n", "NAME", "ROLE", "CREATED", "TOKENS");
            users.forEach(u -> out.printf("%-24s %-11s %-20s %d%n", u.name(), u.role().id(), shown(u.created()), tokens.getOrDefault(u.name(), 0L)));
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a user: their API tokens are revoked and their sessions end.")
    static final class Remove extends StoreCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        int call(AuthStore store, PrintWriter out) {
            store.remove(User.checkName(name));
            out.println("Removed user '" + name + "' and their API tokens; their sessions have ended.");
            return 0;
        }
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true, description = "Set a user's password; their open sessions end.")
    static final class Passwd extends StoreCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        int call(AuthStore store, PrintWriter out) throws IOException {
            User user = existing(store, name);
            store.replace(new User(user.name(), user.role(), hash(spec, name), user.created()));
            out.println("Changed the password of '" + name + "'; their sessions have ended.");
            return 0;
        }
    }

    @Command(name = "role", mixinStandardHelpOptions = true, description = "Change a user's role; it applies to their sessions and tokens at once.")
    static final class SetRole extends StoreCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
        @Parameters(index = "1", paramLabel = "ROLE", description = "viewer, strategist, analyst or admin.")
        String role;

        @Override
        int call(AuthStore store, PrintWriter out) {
            Role r = Role.parse(role);
            User user = existing(store, name);
            store.replace(new User(user.name(), r, user.password(), user.created()));
            out.println("'" + name + "' is now " + r.id() + ".");
            return 0;
        }
    }

    /** Reads a new password (terminal: asked twice; otherwise stdin's first line), checks it and hashes it. */
    static String hash(CommandSpec spec, String name) throws IOException {
        char[] password = readPassword(spec, name);
        try {
            if (password.length < MIN_PASSWORD || password.length > MAX_PASSWORD) {
                throw new IllegalArgumentException("the password must have " + MIN_PASSWORD + " to " + MAX_PASSWORD
                        + " characters, got " + password.length);
            }
            return new PasswordHasher().hash(password);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static char[] readPassword(CommandSpec spec, String name) throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] first = console.readPassword("Password for %s: ", name);
            char[] second = console.readPassword("Repeat it: ");
            if (first == null || second == null) {
                throw new IllegalArgumentException("no password given");
            }
            boolean same = Arrays.equals(first, second);
            Arrays.fill(second, '\0');
            if (!same) {
                Arrays.fill(first, '\0');
                throw new IllegalArgumentException("the two passwords differ; nothing changed");
            }
            return first;
        }
        // not a terminal: the first line of standard input (e.g. printf '%s\n' "$PW" | ./cstrat user add ...)
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null || line.isEmpty()) {
            throw new IllegalArgumentException("no password on standard input (its first line is the password)");
        }
        return line.toCharArray();
    }
}
