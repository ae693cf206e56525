package org.cstrat.server.cli;

import java.io.PrintWriter;
import java.time.Clock;

import org.cstrat.server.auth.ApiToken;
import org.cstrat.server.auth.AuthStore;
import org.cstrat.server.auth.Authenticator;
import org.cstrat.server.auth.User;
import picocli.CommandLine.Command;
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
    static final class Create extends UserCommand.StoreCommand {
        @Option(names = "--user", required = true, paramLabel = "NAME", description = "The user the token acts for.")
        String user;
        @Option(names = "--name", paramLabel = "LABEL", defaultValue = "", description = "What the token is for, shown by token list.")
        String label;

        @Override
        int call(AuthStore store, PrintWriter out) {
            User u = existing(store, user);
            Authenticator.NewToken created = Authenticator.createToken(store, u.name(), label, Clock.systemUTC());
            out.println(created.secret());
            out.flush();
            spec.commandLine().getErr().println("Token " + created.token().id() + " for '" + u.name() + "' (" + u.role().id()
                    + "); shown once, keep it secret. Revoke it with ./cstrat token revoke " + created.token().id());
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the tokens (id, user, name, created); never the secrets.")
    static final class ListTokens extends UserCommand.StoreCommand {
        @Override
        int call(AuthStore store, PrintWriter out) {
            var tokens = store.tokens();
            if (tokens.isEmpty()) {
                out.println("No API tokens: ./cstrat token create --user NAME");
                return 0;
            }
            out.printf("%-14s %-24s %-20s %s%n", "ID", "USER", "CREATED", "NAME");
            for (ApiToken t : tokens) {
                out.printf("%-14s %-24s %-20s %s%n", t.id(), t.user(), shown(t.created()), t.label());
            }
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token by its id: it stops working at once.")
    static final class Revoke extends UserCommand.StoreCommand {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        int call(AuthStore store, PrintWriter out) {
            ApiToken t = store.revoke(id);
            out.println("Revoked token " + t.id() + " of '" + t.user() + "'.");
            return 0;
        }
    }
}
