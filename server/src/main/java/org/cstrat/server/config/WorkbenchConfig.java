package org.cstrat.server.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the workbench needs to start, from command-line flags and the environment.
 *
 * @param dataDir   where the embedded database keeps its store (ignored with an external database)
 * @param host      the address HTTP and Bolt listen on; loopback unless told otherwise
 * @param httpPort  HTTP port, 0 picks a free one
 * @param boltPort  Bolt port of the embedded database, 0 picks a free one
 * @param external  an external Neo4j server or cluster; when present no embedded database starts
 * @param embeddedPassword the Bolt password of the embedded database; empty: generated on first start
 * @param loadDemo  load the demo markets into an empty database
 * @param trustedOrigins origins a reverse proxy serves the web app under (normalised by {@link #origin}); the web app
 *                  refuses other sites' requests, see {@code RequestOriginGuard}
 * @param auth      whether the web app and API ask for a login ({@link Auth#defaultFor}: on beyond loopback, off on it);
 *                  off is refused beyond loopback
 * @param advertisedHost the host name or address clients are told (printed URLs, Bolt's advertised address); empty:
 *                  {@code host}, or this machine's name when {@code host} is a wildcard ({@code 0.0.0.0}, {@code ::})
 * @param maxSimulationWork the most work one simulation job may ask for, in customer-periods (all replications,
 *                  strategies and analyses together); larger requests are refused before they run
 * @param demoFromScripts load the demo by its scripts even where the prebuilt demo store could be unpacked
 *                  ({@code serve --demo-from-scripts}; {@code neo4j.DemoStoreArchive})
 */
public record WorkbenchConfig(Path dataDir, String host, int httpPort, int boltPort,
                              Optional<ExternalNeo4j> external, Optional<String> embeddedPassword, boolean loadDemo,
                              List<String> trustedOrigins, Auth auth, Optional<String> advertisedHost,
                              long maxSimulationWork, boolean demoFromScripts) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_HTTP_PORT = 7070;
    public static final int DEFAULT_BOLT_PORT = 7687;
    /**
     * Customer-periods one simulation job may ask for unless {@code --max-simulation-work} says otherwise: 25 G, about
     * 5 minutes on 2 cores at the conservative 40 M customer-periods per second and core that duration estimates
     * assume ({@code WorkEstimate.RATE_PER_CORE_DEFAULT}; about 2 minutes at the benchmark's 120 M on idle cores).
     */
    public static final long DEFAULT_MAX_SIMULATION_WORK = 25_000_000_000L;

    /** Whether the web app and API ask who is there. */
    public enum Auth {
        ON, OFF;

        /** On beyond loopback, off on it. */
        public static Auth defaultFor(String host) {
            return isLoopback(host) ? OFF : ON;
        }
    }

    /** Without trusted origins: the web app is used from this machine's browser only. */
    public WorkbenchConfig(Path dataDir, String host, int httpPort, int boltPort,
                           Optional<ExternalNeo4j> external, Optional<String> embeddedPassword, boolean loadDemo) {
        this(dataDir, host, httpPort, boltPort, external, embeddedPassword, loadDemo, List.of());
    }

    /** With the defaults for login (by host), advertised host (none) and simulation work. */
    public WorkbenchConfig(Path dataDir, String host, int httpPort, int boltPort,
                           Optional<ExternalNeo4j> external, Optional<String> embeddedPassword, boolean loadDemo,
                           List<String> trustedOrigins) {
        this(dataDir, host, httpPort, boltPort, external, embeddedPassword, loadDemo, trustedOrigins,
                Auth.defaultFor(host), Optional.empty(), DEFAULT_MAX_SIMULATION_WORK);
    }

    /** The demo (when wanted) from the prebuilt demo store where it can be used. */
    public WorkbenchConfig(Path dataDir, String host, int httpPort, int boltPort,
                           Optional<ExternalNeo4j> external, Optional<String> embeddedPassword, boolean loadDemo,
                           List<String> trustedOrigins, Auth auth, Optional<String> advertisedHost, long maxSimulationWork) {
        this(dataDir, host, httpPort, boltPort, external, embeddedPassword, loadDemo, trustedOrigins, auth, advertisedHost,
                maxSimulationWork, false);
    }

    /** This configuration, loading the demo by its scripts ({@code true}) or from the prebuilt store where possible. */
    public WorkbenchConfig withDemoFromScripts(boolean fromScripts) {
        return new WorkbenchConfig(dataDir, host, httpPort, boltPort, external, embeddedPassword, loadDemo, trustedOrigins, auth,
                advertisedHost, maxSimulationWork, fromScripts);
    }

    public WorkbenchConfig {
        trustedOrigins = Objects.requireNonNull(trustedOrigins, "trustedOrigins").stream().map(WorkbenchConfig::origin).distinct().toList();
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(external, "external");
        Objects.requireNonNull(embeddedPassword, "embeddedPassword");
        if (external.isEmpty() && !isLoopback(host) && embeddedPassword.filter(p -> !p.isEmpty()).isEmpty()) {
            throw new IllegalArgumentException("refusing to listen on " + host
                    + " without a password: set NEO4J_PASSWORD or --neo4j-password, or keep the default host 127.0.0.1");
        }
        checkPort("http-port", httpPort);
        checkPort("bolt-port", boltPort);
        Objects.requireNonNull(auth, "auth");
        advertisedHost = Objects.requireNonNull(advertisedHost, "advertisedHost").map(String::strip)
                .map(h -> h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h);
        if (auth == Auth.OFF && !isLoopback(host)) {
            throw new IllegalArgumentException("--auth off is refused on " + host
                    + ": beyond loopback the web app always asks for a login (keep the default host 127.0.0.1 to run without one)");
        }
        if (advertisedHost.isPresent() && !advertisedHost.get().matches("[A-Za-z0-9._-]+|[0-9A-Fa-f:.]+")) {
            throw new IllegalArgumentException("--advertised-host must be a host name or an address (no scheme, port or path), got '"
                    + advertisedHost.get() + "'");
        }
        if (maxSimulationWork <= 0) {
            throw new IllegalArgumentException("--max-simulation-work must be a positive number of customer-periods, got " + maxSimulationWork);
        }
    }

    /** Everything but the password (a record's own {@code toString} would print it). */
    @Override
    public String toString() {
        return "WorkbenchConfig[dataDir=" + dataDir + ", host=" + host + ", httpPort=" + httpPort + ", boltPort=" + boltPort
                + ", external=" + external + ", embeddedPassword=" + embeddedPassword.map(p -> "(set)").orElse("(generated)")
                + ", loadDemo=" + loadDemo + ", trustedOrigins=" + trustedOrigins + ", auth=" + auth
                + ", advertisedHost=" + advertisedHost + ", maxSimulationWork=" + maxSimulationWork
                + ", demoFromScripts=" + demoFromScripts + "]";
    }

    /**
     * The host name or address clients are told (printed URLs, Bolt's advertised address, {@code RuntimeInfo}):
     * {@link #advertisedHost}, else this machine's name when {@link #host} is a wildcard, else {@link #host}.
     */
    public String publicHost() {
        return advertisedHost.orElseGet(() -> NetworkNames.isWildcard(host) ? NetworkNames.machineName() : host);
    }

    /**
     * Whether an address is on this machine only: {@code localhost}, {@code ::1} or a literal 127.x.x.x address; not
     * a name that merely starts with "127." ({@code 127.0.0.1.evil.example} can point anywhere).
     */
    public static boolean isLoopback(String host) {
        return host.equals("localhost") || host.equals("::1") || host.equals("[::1]")
                || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    /**
     * An origin as browsers send it in {@code Origin}: lower-case {@code scheme://host[:port]}, http or https, the
     * port left out when it is the scheme's default.
     *
     * @throws IllegalArgumentException for anything else (a path, a query, a user, another scheme)
     */
    public static String origin(String url) {
        String problem = "--trusted-origin must be an origin such as https://workbench.example.com (scheme, host and"
                + " optional port, nothing after), got '" + url + "'";
        URI u;
        try {
            u = new URI(url.strip());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException(problem, e);
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null || u.getRawUserInfo() != null
                || !(u.getRawPath() == null || u.getRawPath().isEmpty() || u.getRawPath().equals("/"))
                || u.getRawQuery() != null || u.getRawFragment() != null) {
            throw new IllegalArgumentException(problem);
        }
        int port = u.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    private static void checkPort(String name, int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--" + name + " must be between 0 and 65535, got " + port);
        }
    }

    /** Connection details of a Neo4j server, cluster or Aura instance reached through the Driver. */
    public record ExternalNeo4j(URI uri, String user, String password) {
        public ExternalNeo4j {
            Objects.requireNonNull(uri, "uri");
            String scheme = uri.getScheme();
            if (scheme == null || !scheme.matches("(bolt|neo4j)(\\+s|\\+ssc)?")) {
                throw new IllegalArgumentException("NEO4J_URI must use bolt://, neo4j:// (or +s/+ssc), got '" + uri + "'");
            }
            user = user == null || user.isBlank() ? "neo4j" : user;
            password = password == null ? "" : password;
        }

        @Override
        public String toString() {
            return "ExternalNeo4j[uri=" + uri + ", user=" + user + "]";
        }
    }
}
