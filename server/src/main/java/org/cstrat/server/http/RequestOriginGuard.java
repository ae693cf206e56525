package org.cstrat.server.http;

import java.util.Locale;
import java.util.Set;

import io.javalin.http.Context;
import org.cstrat.server.ForbiddenException;
import org.cstrat.server.config.WorkbenchConfig;

/**
 * Keeps web pages of other sites from using the strategist's browser against the workbench, which has no
 * login of its own:
 * <ul>
 *   <li><b>DNS rebinding.</b> While the workbench listens on loopback only (the default), a request must name a
 *       loopback host ({@code localhost}, {@code 127.x.x.x}, {@code [::1]}) in its {@code Host} header. A page on
 *       {@code evil.example} whose name is made to resolve to 127.0.0.1 sends {@code Host: evil.example} and is
 *       refused, reads included (otherwise it could read every answer as same-origin).</li>
 *   <li><b>Cross-site writes (CSRF).</b> A POST, PUT, PATCH or DELETE whose {@code Origin} is not the workbench's
 *       own origin (or is {@code null}), or that the browser marks {@code Sec-Fetch-Site: cross-site}, is refused.
 *       Clients that send no {@code Origin} (curl, drivers, scripts) are not affected.</li>
 * </ul>
 * Listening beyond loopback ({@code --host}) turns the host check off, since the workbench cannot know the names
 * it is reached by; the write check stays.
 */
final class RequestOriginGuard {
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private RequestOriginGuard() {
    }

    static void check(Context ctx, boolean loopbackOnly) {
        String host = ctx.header("Host");
        if (loopbackOnly && host != null && !WorkbenchConfig.isLoopback(hostName(host))) {
            throw new ForbiddenException("This workbench answers only requests addressed to this machine (localhost or 127.0.0.1), "
                    + "not to '" + host + "'");
        }
        if (!WRITES.contains(ctx.method().name())) {
            return;
        }
        String origin = ctx.header("Origin");
        String own = ctx.scheme() + "://" + host;
        if (origin != null && !origin.equalsIgnoreCase(own)) {
            throw new ForbiddenException("Changes are accepted only from the workbench's own pages: a " + ctx.method().name()
                    + " from '" + origin + "' was refused");
        }
        if (origin == null && "cross-site".equals(lower(ctx.header("Sec-Fetch-Site")))) {
            throw new ForbiddenException("Changes are accepted only from the workbench's own pages: a cross-site "
                    + ctx.method().name() + " was refused");
        }
    }

    /** The name part of a Host header: {@code [::1]:7070} → {@code [::1]}, {@code localhost:7070} → {@code localhost}. */
    static String hostName(String hostHeader) {
        String h = hostHeader.trim();
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(0, end + 1);
        }
        int colon = h.lastIndexOf(':');
        return (colon < 0 ? h : h.substring(0, colon)).toLowerCase(Locale.ROOT);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
