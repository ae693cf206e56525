package org.cstrat.server.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;

import org.cstrat.server.core.NotFoundException;
import org.cstrat.server.auth.ApiToken;
import org.cstrat.server.auth.AuthStore;
import org.cstrat.server.auth.Authenticator;
import org.cstrat.server.auth.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cstrat token create|list|revoke}: API tokens for scripts ({@code Authorization: Bearer ...}). */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = {"Manage API tokens for scripts: curl -H \"Authorization: Bearer $TOKEN\" http://HOST:7070/api/markets.",
                "A token acts with its user's current role; only its SHA-256 is kept (DATA/auth/tokens.json), so it is shown once.",
                "Exit codes: 0 done, 1 failure, 2 unknown user or token, or bad options."},
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
public final class TokenCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a token for a user and print it (once).")
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        UserCommand.DataDir data;
        @Option(names = "--user", required = true, paramLabel = "NAME", description = "The user the token acts for.")
        String user;
        @Option(names = "--name", paramLabel = "LABEL", defaultValue = "", description = "What the token is for, shown by token list.")
        String label;

        @Override
        public Integer call() throws Exception {
            return UserCommand.guarded(spec, () -> {
                AuthStore store = data.store();
                User u = store.user(User.checkName(user)).orElseThrow(() -> new NotFoundException("user", user));
                Authenticator.NewToken created = Authenticator.createToken(store, u.name(), label, Clock.systemUTC());
                PrintWriter out = spec.commandLine().getOut();
                out.println(created.secret());
                out.flush();
                spec.commandLine().getErr().println("Token " + created.token().id() + " for '" + u.name() + "' (" + u.role().id()
                        + "); shown once, keep it secret. Revoke it with ./cstrat token revoke " + created.token().id());
                return 0;
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the tokens (id, user, name, created); never the secrets.")
    static final class ListTokens implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        UserCommand.DataDir data;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            var tokens = data.store().tokens();
            if (tokens.isEmpty()) {
                out.println("No API tokens: ./cstrat token create --user NAME");
                return 0;
            }
            out.printf("%-14s %-24s %-20s %s%n", "ID", "USER", "CREATED", "NAME");
            for (ApiToken t : tokens) {
                out.printf("%-14s %-24s %-20s %s%n", t.id(), t.user(), t.created().toString().substring(0, 19).replace('T', ' '), t.label());
            }
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token by its id: it stops working at once.")
    static final class Revoke implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        UserCommand.DataDir data;
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() throws Exception {
            return UserCommand.guarded(spec, () -> {
                ApiToken t = data.store().revoke(id);
                spec.commandLine().getOut().println("Revoked token " + t.id() + " of '" + t.user() + "'.");
                return 0;
            });
        }
    }
}
