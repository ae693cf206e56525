package org.cstrat.server.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.cstrat.server.auth.Authenticator;
import org.cstrat.server.auth.Authenticator.LoginResult;
import org.cstrat.server.view.Templates;

/** The login page, {@code POST /login} and {@code POST /logout}. */
final class LoginPages {

    static final String REFUSED = "Unknown user name or wrong password.";

    private final Optional<Authenticator> auth;
    private final Templates templates;
    /** Normalised trusted origins: an https one means a TLS-terminating proxy may say {@code X-Forwarded-Proto: https}. */
    private final Supplier<List<String>> trustedOrigins;

    LoginPages(Optional<Authenticator> auth, Templates templates, Supplier<List<String>> trustedOrigins) {
        this.auth = auth;
        this.templates = templates;
        this.trustedOrigins = trustedOrigins;
    }

    void form(Context ctx) {
        String next = safeNext(ctx.queryParam("next"));
        if (auth.isEmpty() || Access.principal(ctx).isPresent()) {
            ctx.redirect(next, HttpStatus.SEE_OTHER);
            return;
        }
        render(ctx, HttpStatus.OK, next, "", null);
    }

    void login(Context ctx) {
        String next = safeNext(ctx.formParam("next"));
        if (auth.isEmpty()) {
            ctx.redirect(next, HttpStatus.SEE_OTHER);
            return;
        }
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("").strip();
        char[] password = Optional.ofNullable(ctx.formParam("password")).orElse("").toCharArray();
        LoginResult result;
        try {
            result = auth.get().login(name, password, ctx.ip());
        } finally {
            Arrays.fill(password, '\0');
        }
        if (result instanceof LoginResult.Success s) {
            auth.get().logout(ctx.cookie(Access.SESSION_COOKIE));
            ctx.header("Set-Cookie", cookie(ctx, s.session().id(), false));
            ctx.redirect(next, HttpStatus.SEE_OTHER);
        } else if (result instanceof LoginResult.Throttled t) {
            long seconds = Math.max(1, t.retryAfter().toSeconds() + (t.retryAfter().toMillisPart() > 0 ? 1 : 0));
            ctx.header("Retry-After", Long.toString(seconds));
            render(ctx, HttpStatus.TOO_MANY_REQUESTS, next, name,
                    "Too many failed sign-ins for this name or from this address: try again in " + seconds + " s.");
        } else {
            render(ctx, HttpStatus.UNAUTHORIZED, next, name, REFUSED);
        }
    }

    void logout(Context ctx) {
        auth.ifPresent(a -> a.logout(ctx.cookie(Access.SESSION_COOKIE)));
        ctx.header("Set-Cookie", cookie(ctx, "", true));
        ctx.redirect(auth.isPresent() ? "/login" : "/", HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, HttpStatus status, String next, String name, String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("next", next);
        model.put("name", name);
        model.put("error", error);
        ctx.status(status).html(templates.render("login", model));
    }

    /** The session cookie: HttpOnly, SameSite=Lax, Path=/, Secure when the browser reached the workbench over https. */
    private String cookie(Context ctx, String value, boolean clear) {
        return Access.SESSION_COOKIE + "=" + value + "; Path=/; HttpOnly; SameSite=Lax" + (clear ? "; Max-Age=0" : "")
                + (overHttps(ctx) ? "; Secure" : "");
    }

    private boolean overHttps(Context ctx) {
        if ("https".equalsIgnoreCase(ctx.scheme())) {
            return true;
        }
        String forwarded = ctx.header("X-Forwarded-Proto");
        String host = ctx.header("Host");
        return forwarded != null && host != null && "https".equalsIgnoreCase(forwarded.strip())
                && trustedOrigins.get().contains("https://" + host.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * Where to go after signing in: a path on this site ({@code /markets/x?y}), never another site
     * ({@code //evil.example}, {@code https://...}, {@code /\evil}); anything else is {@code /}.
     */
    static String safeNext(String next) {
        if (next == null || next.isEmpty() || next.length() > 2000 || !next.startsWith("/") || next.startsWith("//")
                || next.startsWith("/\\") || next.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '\\')) {
            return "/";
        }
        return next;
    }

    /** {@code /login?next=...} for a page request. */
    static String loginFor(Context ctx) {
        String target = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
        return "/login?next=" + URLEncoder.encode(safeNext(target), StandardCharsets.UTF_8);
    }
}
