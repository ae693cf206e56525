package org.cstrat.server.http;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.javalin.http.Context;
import org.cstrat.server.core.ForbiddenException;
import org.cstrat.server.config.NetworkNames;
import org.cstrat.server.config.WorkbenchConfig;

/**
 * Keeps web pages of other sites from using the strategist's browser against the workbench:
 * <ul>
 *   <li><b>DNS rebinding.</b> A request must name, in its {@code Host} header, a host the workbench knows it is
 *       reached by: a loopback host ({@code localhost}, {@code 127.x.x.x}, {@code [::1]}), a trusted origin's host,
 *       and, when it listens beyond loopback, its listen address, its advertised host ({@code --advertised-host}) and
 *       this machine's names and interface addresses. A page on {@code evil.example} whose name is made to resolve
 *       to the workbench sends {@code Host: evil.example} and is refused, reads included (otherwise it could read
 *       every answer as same-origin). Another name (a DNS alias) is accepted once given as {@code --advertised-host}
 *       or {@code --trusted-origin}.</li>
 *   <li><b>Cross-site writes (CSRF).</b> A POST, PUT, PATCH or DELETE whose {@code Origin} is neither the
 *       workbench's own origin nor a trusted one (or is {@code null}), or that the browser marks
 *       {@code Sec-Fetch-Site: cross-site}, is refused. Clients that send no {@code Origin} (curl, drivers,
 *       scripts) are not affected.</li>
 * </ul>
 * Trusted origins ({@code --trusted-origin}) are the addresses a reverse proxy serves the workbench under.
 */
final class RequestOriginGuard {
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final Set<String> acceptedHosts;
    private final Set<String> trustedOrigins;
    private final Set<String> trustedHosts;

    /** Loopback names and the trusted origins' hosts only: a workbench that listens on loopback. */
    RequestOriginGuard(List<String> trustedOrigins) {
        this(Set.of(), trustedOrigins);
    }

    /**
     * @param acceptedHosts  host names (lower-case, IPv6 in brackets, no port) accepted besides loopback ones
     * @param trustedOrigins normalised origins ({@link WorkbenchConfig#origin})
     */
    RequestOriginGuard(Set<String> acceptedHosts, List<String> trustedOrigins) {
        this.acceptedHosts = acceptedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.trustedOrigins = Set.copyOf(trustedOrigins);
        this.trustedHosts = trustedOrigins.stream().map(o -> o.substring(o.indexOf("://") + 3)).collect(Collectors.toUnmodifiableSet());
    }

    /** The guard of a workbench listening on {@code listenHost}: beyond loopback it also accepts the machine's names. */
    static RequestOriginGuard forListener(String listenHost, Optional<String> advertisedHost, List<String> trustedOrigins) {
        if (WorkbenchConfig.isLoopback(listenHost)) {
            return new RequestOriginGuard(trustedOrigins);
        }
        Set<String> hosts = new LinkedHashSet<>(NetworkNames.machineNamesAndAddresses());
        if (!NetworkNames.isWildcard(listenHost)) {
            hosts.add(NetworkNames.uriHost(listenHost));
        }
        advertisedHost.ifPresent(h -> hosts.add(NetworkNames.uriHost(h)));
        return new RequestOriginGuard(hosts, trustedOrigins);
    }

    void check(Context ctx) {
        check(ctx.method().name(), ctx.scheme(), ctx.header("Host"), ctx.header("Origin"), ctx.header("Sec-Fetch-Site"));
    }

    /** The decision on a request's method and headers; throws {@link ForbiddenException} to refuse it. */
    void check(String method, String scheme, String host, String origin, String fetchSite) {
        if (host != null) {
            String name = hostName(host);
            if (!WorkbenchConfig.isLoopback(name) && !acceptedHosts.contains(name)
                    && !trustedHosts.contains(host.trim().toLowerCase(Locale.ROOT))) {
                throw new ForbiddenException("This workbench answers only requests addressed to "
                        + (acceptedHosts.isEmpty() ? "this machine (localhost or 127.0.0.1)" : "this machine's names and addresses")
                        + (trustedHosts.isEmpty() ? "" : " or to " + String.join(", ", new TreeSet<>(trustedOrigins)))
                        + ", not to '" + host + "' (name another host with --advertised-host or --trusted-origin)");
            }
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

    /** The name part of a Host header, lower-case: {@code [::1]:7070} → {@code [::1]}, {@code localhost:7070} → {@code localhost}. */
    static String hostName(String hostHeader) {
        String h = hostHeader.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(0, end + 1);
        }
        int colon = h.lastIndexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }
}
