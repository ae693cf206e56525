package org.cstrat.server.http;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.javalin.http.Context;
import org.cstrat.server.ForbiddenException;
import org.cstrat.server.config.WorkbenchConfig;

/**
 * Keeps web pages of other sites from using the strategist's browser against the workbench, which has no
 * login of its own:
 * <ul>
 *   <li><b>DNS rebinding.</b> While the workbench listens on loopback only (the default), a request must name a
 *       loopback host ({@code localhost}, {@code 127.x.x.x}, {@code [::1]}) or a trusted origin's host in its
 *       {@code Host} header. A page on {@code evil.example} whose name is made to resolve to 127.0.0.1 sends
 *       {@code Host: evil.example} and is refused, reads included (otherwise it could read every answer as
 *       same-origin).</li>
 *   <li><b>Cross-site writes (CSRF).</b> A POST, PUT, PATCH or DELETE whose {@code Origin} is neither the
 *       workbench's own origin nor a trusted one (or is {@code null}), or that the browser marks
 *       {@code Sec-Fetch-Site: cross-site}, is refused. Clients that send no {@code Origin} (curl, drivers,
 *       scripts) are not affected.</li>
 * </ul>
 * Trusted origins ({@code --trusted-origin}) are the addresses a reverse proxy serves the workbench under.
 * Listening beyond loopback ({@code --host}) turns the host check off, since the workbench cannot know every
 * name it is reached by; the write check stays.
 */
final class RequestOriginGuard {
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final boolean loopbackOnly;
    private final Set<String> trustedOrigins;
    private final Set<String> trustedHosts;

    /** @param trustedOrigins normalised origins ({@link WorkbenchConfig#origin}) */
    RequestOriginGuard(boolean loopbackOnly, List<String> trustedOrigins) {
        this.loopbackOnly = loopbackOnly;
        this.trustedOrigins = Set.copyOf(trustedOrigins);
        this.trustedHosts = trustedOrigins.stream().map(o -> o.substring(o.indexOf("://") + 3)).collect(Collectors.toUnmodifiableSet());
    }

    void check(Context ctx) {
        check(ctx.method().name(), ctx.scheme(), ctx.header("Host"), ctx.header("Origin"), ctx.header("Sec-Fetch-Site"));
    }

    /** The decision on a request's method and headers; throws {@link ForbiddenException} to refuse it. */
    void check(String method, String scheme, String host, String origin, String fetchSite) {
        if (loopbackOnly && host != null && !WorkbenchConfig.isLoopback(hostName(host))
                && !trustedHosts.contains(host.trim().toLowerCase(Locale.ROOT))) {
            throw new ForbiddenException("This workbench answers only requests addressed to this machine (localhost or 127.0.0.1)"
                    + (trustedHosts.isEmpty() ? "" : " or to " + String.join(", ", trustedOrigins)) + ", not to '" + host + "'");
        }
        if (!WRITES.contains(method)) {
            return;
        }
        if (origin != null && !origin.equalsIgnoreCase(scheme + "://" + host) && !trustedOrigins.contains(origin.toLowerCase(Locale.ROOT))) {
            throw new ForbiddenException("Changes are accepted only from the workbench's own pages: a " + method
                    + " from '" + origin + "' was refused");
        }
        if (origin == null && "cross-site".equalsIgnoreCase(fetchSite)) {
            throw new ForbiddenException("Changes are accepted only from the workbench's own pages: a cross-site "
                    + method + " was refused");
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
}
