package org.cstrat.server.http;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import org.cstrat.server.core.ForbiddenException;
import org.cstrat.server.core.UnauthorizedException;
import org.cstrat.server.auth.Authenticator;
import org.cstrat.server.auth.Principal;
import org.cstrat.server.auth.Role;
import org.cstrat.server.view.PageViewer;

/**
 * Who may call each route: every route of {@link WebServer}'s table declares one {@link Gate}, checked here before its
 * handler runs. Credentials are an {@code Authorization: Bearer} API token or the {@value #SESSION_COOKIE} cookie.
 * With auth off, every request acts as a local admin.
 */
public final class Access {

    public static final String SESSION_COOKIE = "cstrat_session";
    static final String PRINCIPAL = "cstrat.principal";

    /** The least a caller needs for a route. */
    public enum Gate implements RouteRole {
        /** Anyone, signed in or not: the login page, logout, {@code /health}. */
        PUBLIC(null),
        VIEWER(Role.VIEWER),
        STRATEGIST(Role.STRATEGIST),
        ANALYST(Role.ANALYST),
        ADMIN(Role.ADMIN);

        private final Role role;

        Gate(Role role) {
            this.role = role;
        }

        /** The role needed; empty for {@link #PUBLIC}. */
        public Optional<Role> role() {
            return Optional.ofNullable(role);
        }
    }

    private final Optional<Authenticator> authenticator;

    /** @param authenticator empty: auth is off, everyone is a local admin */
    Access(Optional<Authenticator> authenticator) {
        this.authenticator = authenticator;
    }

    boolean on() {
        return authenticator.isPresent();
    }

    /** The name of the user a request acts for: their user name, or {@value Principal#LOCAL} when auth is off. */
    public static String user(Context ctx) {
        return principal(ctx).map(Principal::name).orElse(Principal.LOCAL);
    }

    /** Who the request acts for, once its route was matched; empty for an anonymous call of a public route. */
    public static Optional<Principal> principal(Context ctx) {
        return Optional.ofNullable(ctx.attribute(PRINCIPAL));
    }

    /** What the pages may show of {@code p}; {@code loginShown}: the name and the sign-out button (false when auth is off). */
    static PageViewer viewer(Principal p, boolean loginShown) {
        return new PageViewer(p.name(), p.role().id(), loginShown, p.may(Role.STRATEGIST), p.may(Role.ANALYST), p.may(Role.ADMIN));
    }

    /** First handler of every request: nobody is known yet. */
    void begin(Context ctx) {
        PageViewer.set(on() ? PageViewer.ANONYMOUS : viewer(Principal.local(), false));
    }

    void end(Context ctx) {
        PageViewer.clear();
    }

    /** Before the matched route's handler: establishes the caller and refuses a call its role does not allow. */
    void check(Context ctx) {
        Gate gate = gate(ctx);
        if (gate == null) {
            return;
        }
        if (authenticator.isEmpty()) {
            establish(ctx, Principal.local());
            return;
        }
        if (gate == Gate.PUBLIC) {
            // who is there, if anyone (the login page says so); bad credentials do not close a public route
            try {
                credentials(ctx, authenticator.get()).ifPresent(p -> establish(ctx, p));
            } catch (UnauthorizedException ignored) {
                // anonymous
            }
            return;
        }
        Optional<Principal> principal = credentials(ctx, authenticator.get());
        principal.ifPresent(p -> establish(ctx, p));
        Principal p = principal.orElseThrow(() -> signInNeeded(ctx));
        Role needed = gate.role().orElseThrow();
        if (!p.may(needed)) {
            throw new ForbiddenException("User '" + p.name() + "' (" + p.role().id() + ") may not " + ctx.method() + " " + ctx.path()
                    + ": it needs the role " + needed.id() + " or above");
        }
    }

    /**
     * A request no route answers (404, or 405 for a wrong method) from a caller without valid credentials, while logins
     * are asked for: refused as any protected route would refuse it ({@link UnauthorizedException}), so that an anonymous
     * caller learns nothing of which paths and methods exist. Static files stay public (their 404 says nothing of data).
     */
    void refuseUnknownCaller(Context ctx) {
        if (authenticator.isEmpty() || ctx.path().startsWith("/static/") || principal(ctx).isPresent()) {
            return;
        }
        if (credentials(ctx, authenticator.get()).isEmpty()) {
            throw signInNeeded(ctx);
        }
    }

    private static UnauthorizedException signInNeeded(Context ctx) {
        return new UnauthorizedException("Sign in to use the workbench: " + ctx.method() + " " + ctx.path()
                + " needs a session (the login page) or an API token (Authorization: Bearer ...)");
    }

    /** The route's gate; null for the static files (CSS, JS, no data), which are public. */
    private static Gate gate(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        for (RouteRole r : roles) {
            if (r instanceof Gate g) {
                return g;
            }
        }
        if (ctx.path().startsWith("/static/")) {
            return null;
        }
        // a route without a gate is a mistake in the route table: refuse rather than serve it to anyone
        throw new IllegalStateException("Route " + ctx.method() + " " + ctx.endpointHandlerPath() + " declares no access gate");
    }

    private static Optional<Principal> credentials(Context ctx, Authenticator auth) {
        String authorization = ctx.header("Authorization");
        if (authorization != null) {
            String a = authorization.strip();
            if (!a.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
                throw new UnauthorizedException("The Authorization header must be 'Bearer <token>' (tokens come from ./cstrat token create)");
            }
            return Optional.of(auth.token(a.substring(7).strip()).orElseThrow(() ->
                    new UnauthorizedException("The API token is unknown or was revoked")));
        }
        return auth.session(ctx.cookie(SESSION_COOKIE));
    }

    private static void establish(Context ctx, Principal p) {
        ctx.attribute(PRINCIPAL, p);
        PageViewer.set(viewer(p, p.via() != Principal.Via.LOCAL));
    }
}
