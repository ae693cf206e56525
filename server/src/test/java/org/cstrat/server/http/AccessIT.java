package org.cstrat.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.cstrat.server.cli.Main;
import org.cstrat.server.Workbench;
import org.cstrat.server.auth.AuthStore;
import org.cstrat.server.auth.Authenticator;
import org.cstrat.server.auth.PasswordHasher;
import org.cstrat.server.auth.Role;
import org.cstrat.server.auth.User;
import org.cstrat.server.config.WorkbenchConfig;
import org.cstrat.server.testing.GraphFingerprint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbench with auth on (on loopback, as {@code --auth on} allows), walked route by route from Javalin's own
 * route table, so that a route added later cannot escape the checks: no credentials, each role with an API token and
 * with a session cookie.
 */
class AccessIT {

    private static final PasswordHasher CHEAP = new PasswordHasher(64, 1, 1);
    private static final String PASSWORD = "a password long enough";
    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final String TRUSTED = "https://workbench.example.com";

    @TempDir
    static Path data;
    private static Workbench workbench;
    private static URI base;
    private static final Map<Role, String> TOKENS = new EnumMap<>(Role.class);
    private static final Map<Role, String> COOKIES = new EnumMap<>(Role.class);

    @BeforeAll
    static void start() {
        AuthStore store = new AuthStore(data);
        for (Role r : Role.values()) {
            store.add(new User(r.id() + "-user", r, CHEAP.hash(PASSWORD.toCharArray()), Clock.systemUTC().instant()));
            TOKENS.put(r, Authenticator.createToken(store, r.id() + "-user", "test", Clock.systemUTC()).secret());
        }
        workbench = Workbench.start(new WorkbenchConfig(data, "127.0.0.1", 0, 0, Optional.empty(), Optional.empty(), true,
                List.of(TRUSTED), WorkbenchConfig.Auth.ON, Optional.empty(), WorkbenchConfig.DEFAULT_MAX_SIMULATION_WORK));
        base = workbench.httpUrl();
        for (Role r : Role.values()) {
            HttpResponse<String> login = login(r.id() + "-user", PASSWORD, "/");
            assertThat(login.statusCode()).as(login.body()).isEqualTo(303);
            COOKIES.put(r, sessionCookie(login));
        }
    }

    @AfterAll
    static void stop() {
        if (workbench != null) {
            workbench.close();
        }
    }

    // ---- the route table ----------------------------------------------------------------------------------------

    @Test
    void everyRouteDeclaresAGateAndOnlyLoginLogoutAndHealthArePublic() {
        List<WebServer.Route> routes = workbench.routes();
        assertThat(routes).hasSizeGreaterThan(50);
        assertThat(routes).allSatisfy(r -> assertThat(r.gate()).as("%s %s", r.method(), r.path()).isNotNull());
        assertThat(routes.stream().filter(r -> r.gate() == Access.Gate.PUBLIC).map(r -> r.method() + " " + r.path()))
                .containsExactlyInAnyOrder("GET /login", "POST /login", "POST /logout", "GET /health");
    }

    @Test
    void withoutCredentialsNothingButTheLoginPageHealthAndStaticFilesAnswers() {
        for (WebServer.Route route : protectedRoutes()) {
            HttpResponse<String> r = call(route, real(route.path()), Map.of());
            String what = route.method() + " " + route.path() + ": " + r.body();
            if (api(route)) {
                assertThat(r.statusCode()).as(what).isEqualTo(401);
                assertThat(r.headers().firstValue("Content-Type")).as(what).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
                assertThat(r.headers().firstValue("WWW-Authenticate")).as(what).contains("Bearer realm=\"cstrat\"");
            } else if (route.method().equals("GET")) {
                assertThat(r.statusCode()).as(what).isEqualTo(303);
                assertThat(r.headers().firstValue("Location")).as(what).hasValueSatisfying(v ->
                        assertThat(v).isEqualTo("/login?next=" + URLEncoder.encode(real(route.path()), StandardCharsets.UTF_8)));
            } else {
                assertThat(r.statusCode()).as(what).isEqualTo(401);
                assertThat(r.headers().firstValue("Content-Type")).as(what).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
            }
            assertThat(r.body()).as(what).doesNotContain("Uber");
        }
        assertThat(send("GET", "/health", null, null, Map.of()).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/login", null, null, Map.of()).body()).contains("id=\"login-form\"").doesNotContain("Sign out");
        assertThat(send("GET", "/static/css/workbench.css", null, null, Map.of()).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/markets", Map.of("Authorization", "Bearer cst_not-a-token")).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/markets", Map.of("Authorization", "Basic YWRtaW46YWRtaW4=")).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/", Map.of("Cookie", Access.SESSION_COOKIE + "=made-up")).statusCode()).isEqualTo(303);
    }

    @Test
    void anAnonymousCallerLearnsNothingOfWhichPathsAndMethodsExist() {
        // no route, and a wrong method on a route that exists: refused like a protected route, not 404/405
        for (String[] call : new String[][] {{"GET", "/api/no-such-thing"}, {"DELETE", "/api/markets"}, {"PATCH", "/api/firms/uber"}}) {
            HttpResponse<String> r = call(call[0], call[1], Map.of());
            assertThat(r.statusCode()).as(call[0] + " " + call[1] + ": " + r.body()).isEqualTo(401);
            assertThat(r.headers().firstValue("WWW-Authenticate")).as(call[1]).contains("Bearer realm=\"cstrat\"");
            assertThat(r.headers().firstValue("Allow")).as(call[1]).isEmpty();
        }
        HttpResponse<String> page = call("GET", "/no-such-page", Map.of());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location")).hasValue("/login?next=%2Fno-such-page");
        HttpResponse<String> form = send("POST", "/markets", "application/x-www-form-urlencoded", "id=x", Map.of());
        assertThat(form.statusCode()).as(form.body()).isEqualTo(401);
        assertThat(call("GET", "/api/no-such-thing", Map.of("Authorization", "Bearer cst_not-a-token")).statusCode()).isEqualTo(401);
        // static files stay public; a signed-in caller gets the real answers
        assertThat(send("GET", "/static/no-such.js", null, null, Map.of()).statusCode()).isEqualTo(404);
        Map<String, String> viewer = Map.of("Authorization", "Bearer " + TOKENS.get(Role.VIEWER));
        assertThat(call("GET", "/api/no-such-thing", viewer).statusCode()).isEqualTo(404);
        HttpResponse<String> wrongMethod = call("DELETE", "/api/markets", viewer);
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValueSatisfying(v -> assertThat(v).contains("GET"));
        assertThat(call("GET", "/no-such-page", Map.of("Cookie", COOKIES.get(Role.VIEWER))).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aRoleBelowTheRoutesGateIsRefusedWith403AndNothingChanges() {
        List<String> before = GraphFingerprint.of(workbench.graph().driver());
        int refused = 0;
        for (Role role : Role.values()) {
            for (Map<String, String> credentials : List.of(token(role), session(role))) {
                for (WebServer.Route route : protectedRoutes()) {
                    Role needed = route.gate().role().orElseThrow();
                    if (role.includes(needed)) {
                        continue;
                    }
                    HttpResponse<String> r = call(route, real(route.path()), credentials);
                    String what = role.id() + " " + credentials.keySet() + " " + route.method() + " " + route.path() + ": " + r.body();
                    assertThat(r.statusCode()).as(what).isEqualTo(403);
                    assertThat(r.headers().firstValue("Content-Type")).as(what).hasValueSatisfying(v ->
                            assertThat(v).startsWith(api(route) ? "application/problem+json" : "text/html"));
                    assertThat(r.body()).as(what).contains(needed.id());
                    refused++;
                }
            }
        }
        assertThat(refused).as("refusals checked").isGreaterThan(100);
        assertThat(GraphFingerprint.changes(before, GraphFingerprint.of(workbench.graph().driver()))).isEmpty();
    }

    @Test
    void aViewerCanWriteNothing() {
        List<String> before = GraphFingerprint.of(workbench.graph().driver());
        for (Map<String, String> credentials : List.of(token(Role.VIEWER), session(Role.VIEWER))) {
            for (WebServer.Route route : workbench.routes()) {
                if (route.gate() == Access.Gate.PUBLIC || route.method().equals("GET")) {
                    continue;
                }
                assertThat(call(route, real(route.path()), credentials).statusCode()).as(route.method() + " " + route.path()).isEqualTo(403);
            }
        }
        assertThat(GraphFingerprint.changes(before, GraphFingerprint.of(workbench.graph().driver()))).isEmpty();
    }

    /** Independent of the table's own declarations: what the issue names for each role, by path. */
    @Test
    void customerDataConsoleAndImportsNeedTheirRoles() {
        for (WebServer.Route r : workbench.routes()) {
            String p = r.path();
            Role least = p.contains("import") ? Role.ADMIN
                    : p.contains("/customers") || p.contains("/identity/") || p.contains("/segments") || p.contains("/journeys")
                      || p.contains("/value") || p.contains("moment-of-truth") || p.contains("/cypher") || p.equals("/console") ? Role.ANALYST
                    : !r.method().equals("GET") && r.gate() != Access.Gate.PUBLIC ? Role.STRATEGIST
                    : null;
            if (least != null) {
                assertThat(r.gate().role()).as("%s %s", r.method(), p).hasValueSatisfying(g -> assertThat(g.includes(least)).isTrue());
            }
        }
    }

    @Test
    void aRoleAtOrAboveTheGatePassesIt() {
        for (Role role : Role.values()) {
            for (Map<String, String> credentials : List.of(token(role), session(role))) {
                for (WebServer.Route route : protectedRoutes()) {
                    if (!role.includes(route.gate().role().orElseThrow())) {
                        continue;
                    }
                    // writes go to ids that do not exist, so that passing the gate changes nothing
                    String path = route.method().equals("GET") ? real(route.path()) : unknown(route.path());
                    HttpResponse<String> r = call(route, path, credentials);
                    assertThat(r.statusCode()).as(role.id() + " " + credentials.keySet() + " " + route.method() + " " + path + ": " + r.body())
                            .isNotIn(401, 403);
                }
            }
        }
    }

    @Test
    void eachRoleDoesWhatItMay() {
        // strategist: edits, but no console
        HttpResponse<String> market = call("POST", "/api/markets", token(Role.STRATEGIST),
                "{\"id\": \"it-access-market\", \"name\": \"Access market\", \"region\": \"Nowhere\", \"asOf\": 2024}");
        assertThat(market.statusCode()).as(market.body()).isEqualTo(201);
        assertThat(call("POST", "/api/cypher", token(Role.STRATEGIST), "{\"query\": \"RETURN 1 AS one\"}").statusCode()).isEqualTo(403);
        assertThat(call("GET", "/console", session(Role.STRATEGIST)).statusCode()).isEqualTo(403);
        // analyst: console yes, imports no
        HttpResponse<String> cypher = call("POST", "/api/cypher", session(Role.ANALYST), "{\"query\": \"RETURN 1 AS one\"}");
        assertThat(cypher.statusCode()).as(cypher.body()).isEqualTo(200);
        assertThat(call("GET", "/console", session(Role.ANALYST)).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/firms/uber/customers/import", session(Role.ANALYST)).statusCode()).isEqualTo(403);
        // admin: everything
        assertThat(call("GET", "/firms/uber/customers/import", session(Role.ADMIN)).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/console", token(Role.ADMIN)).statusCode()).isEqualTo(200);
    }

    // ---- pages show what the role allows ---------------------------------------------------------------------------

    @Test
    void pagesShowTheUserAndHideWhatTheirRoleMayNotDo() {
        String viewerFirm = call("GET", "/firms/uber", session(Role.VIEWER)).body();
        assertThat(viewerFirm).contains("viewer-user (viewer)", "id=\"logout\"")
                .doesNotContain("id=\"edit-firm\"", "/firms/uber/edit", "/offerings/new", "class=\"edit-part\"", "/console", "id=\"customers-link\"");
        String viewerMatrix = call("GET", "/markets/us-mobility", session(Role.VIEWER)).body();
        assertThat(viewerMatrix).doesNotContain("id=\"add-firm\"", "id=\"edit-market\"", "id=\"panel-edit\"", "/markets/new");
        assertThat(call("GET", "/firms/uber/simulate", session(Role.VIEWER)).body()).doesNotContain("id=\"run\"").contains("run-needs-role");

        String strategistFirm = call("GET", "/firms/uber", session(Role.STRATEGIST)).body();
        assertThat(strategistFirm).contains("id=\"edit-firm\"", "/offerings/new", "strategist-user (strategist)")
                .doesNotContain("/console", "id=\"customers-link\"");
        assertThat(call("GET", "/firms/uber/simulate", session(Role.STRATEGIST)).body()).contains("id=\"run\"");
        assertThat(call("GET", "/firms/uber", session(Role.ANALYST)).body()).contains("/console", "id=\"customers-link\"");
        assertThat(call("GET", "/firms/uber/customers", session(Role.ANALYST)).body()).doesNotContain("/customers/import");
        assertThat(call("GET", "/firms/uber/customers", session(Role.ADMIN)).body()).contains("/customers/import");
    }

    // ---- login, logout, cookies --------------------------------------------------------------------------------------

    @Test
    void theSessionCookieIsHttpOnlyLaxAndSecureOnlyBehindHttps() throws IOException {
        HttpResponse<String> login = login("viewer-user", PASSWORD, "/");
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).matches(Access.SESSION_COOKIE + "=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Lax");

        // a TLS-terminating proxy serving the trusted https origin says so with X-Forwarded-Proto
        String behindProxy = rawLogin("workbench.example.com", "https");
        assertThat(behindProxy).containsPattern("(?i)set-cookie: " + Access.SESSION_COOKIE + "=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Lax; Secure");
        // the same header from a client addressing the workbench directly is not believed
        String direct = rawLogin("127.0.0.1:" + base.getPort(), "https");
        assertThat(direct).containsIgnoringCase("set-cookie: " + Access.SESSION_COOKIE).doesNotContain("Secure");
    }

    @Test
    void loginGoesBackToWhereTheUserWasAndOnlyToThisSite() {
        HttpResponse<String> toLogin = call("GET", "/markets/us-mobility?selected=uber", Map.of());
        assertThat(toLogin.headers().firstValue("Location")).contains("/login?next=%2Fmarkets%2Fus-mobility%3Fselected%3Duber");
        assertThat(send("GET", toLogin.headers().firstValue("Location").orElseThrow(), null, null, Map.of()).body())
                .contains("value=\"/markets/us-mobility?selected=uber\"");

        HttpResponse<String> ok = login("viewer-user", PASSWORD, "/markets/us-mobility?selected=uber");
        assertThat(ok.headers().firstValue("Location")).contains("/markets/us-mobility?selected=uber");
        for (String evil : List.of("//evil.example/x", "https://evil.example/", "/\\evil.example", "javascript:alert(1)", "evil")) {
            assertThat(login("viewer-user", PASSWORD, evil).headers().firstValue("Location")).as(evil).contains("/");
            assertThat(login("viewer-user", PASSWORD, evil).headers().firstValue("Location").orElseThrow()).as(evil).isEqualTo("/");
        }
        assertThat(LoginPages.safeNext("/firms/uber")).isEqualTo("/firms/uber");
        assertThat(LoginPages.safeNext("/ok\r\nSet-Cookie: x=y")).isEqualTo("/");
    }

    @Test
    void wrongPasswordsAndUnknownUsersGetOneMessageAndLogoutEndsTheSession() {
        HttpResponse<String> wrong = login("analyst-user", "not the password", "/");
        HttpResponse<String> unknown = login("nobody-at-all", PASSWORD, "/");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains(LoginPages.REFUSED);
        assertThat(unknown.body()).contains(LoginPages.REFUSED);
        assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();

        String cookie = sessionCookie(login("analyst-user", PASSWORD, "/"));
        Map<String, String> session = Map.of("Cookie", cookie);
        assertThat(call("GET", "/", session).statusCode()).isEqualTo(200);
        HttpResponse<String> out = call("POST", "/logout", session);
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("Location")).contains("/login");
        assertThat(out.headers().firstValue("Set-Cookie")).hasValueSatisfying(v -> assertThat(v).contains("Max-Age=0"));
        assertThat(call("GET", "/", session).statusCode()).isEqualTo(303);
        assertThat(call("GET", "/api/markets", session).statusCode()).isEqualTo(401);
    }

    @Test
    void repeatedFailuresAreThrottled() {
        for (int i = 0; i < 5; i++) {
            assertThat(login("throttled-name", "wrong password " + i, "/").statusCode()).isEqualTo(401);
        }
        HttpResponse<String> slowed = login("throttled-name", "wrong password", "/");
        assertThat(slowed.statusCode()).isEqualTo(429);
        assertThat(slowed.headers().firstValue("Retry-After")).isPresent();
        assertThat(slowed.body()).contains("Too many failed sign-ins");
    }

    // ---- the command line against the running server ------------------------------------------------------------------

    @Test
    void usersAndTokensMadeByTheCommandLineWorkAtOnceAndRevokedTokensStop() {
        String[] add = {"user", "add", "cli-strategist", "--role", "strategist", "--data", data.toString()};
        assertThat(cli("a password from stdin\n", add).code()).isZero();
        HttpResponse<String> login = login("cli-strategist", "a password from stdin", "/");
        assertThat(login.statusCode()).isEqualTo(303);
        Map<String, String> session = Map.of("Cookie", sessionCookie(login));
        assertThat(call("GET", "/markets/new", session).statusCode()).isEqualTo(200);

        Cli created = cli("", "token", "create", "--user", "cli-strategist", "--name", "nightly export", "--data", data.toString());
        assertThat(created.code()).isZero();
        String token = created.out().strip();
        assertThat(token).matches("cst_[A-Za-z0-9_-]{43}");
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + token);
        assertThat(call("GET", "/api/markets", bearer).statusCode()).isEqualTo(200);

        // a role change applies to the token and the session at once
        assertThat(cli("", "user", "role", "cli-strategist", "viewer", "--data", data.toString()).code()).isZero();
        assertThat(call("GET", "/markets/new", session).statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/markets", bearer, "{}").statusCode()).isEqualTo(403);

        Cli list = cli("", "token", "list", "--data", data.toString());
        Matcher id = Pattern.compile("(?m)^([a-z0-9]{12}) +cli-strategist .*nightly export$").matcher(list.out());
        assertThat(id.find()).as(list.out()).isTrue();
        assertThat(list.out()).doesNotContain(token);
        assertThat(cli("", "token", "revoke", id.group(1), "--data", data.toString()).code()).isZero();
        assertThat(call("GET", "/api/markets", bearer).statusCode()).isEqualTo(401);

        // removing the user ends the session
        assertThat(cli("", "user", "remove", "cli-strategist", "--data", data.toString()).code()).isZero();
        assertThat(call("GET", "/", session).statusCode()).isEqualTo(303);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private static List<WebServer.Route> protectedRoutes() {
        return workbench.routes().stream().filter(r -> r.gate() != Access.Gate.PUBLIC).toList();
    }

    private static boolean api(WebServer.Route route) {
        return route.path().startsWith("/api/");
    }

    private static final Map<String, String> REAL = Map.of("marketId", "us-mobility", "firmId", "uber", "kind", "offerings",
            "itemId", "no-such-item", "runId", "no-such-run", "jobId", "no-such-job", "touchpointId", "no-such-touchpoint");

    /** The route with its parameters filled with existing ids (demo data) where there are such. */
    private static String real(String template) {
        return fill(template, REAL);
    }

    /** The route with ids that do not exist. */
    private static String unknown(String template) {
        Map<String, String> ids = new LinkedHashMap<>(REAL);
        ids.put("marketId", "no-such-market");
        ids.put("firmId", "no-such-firm");
        return fill(template, ids);
    }

    private static String fill(String template, Map<String, String> ids) {
        String out = template;
        for (var e : ids.entrySet()) {
            out = out.replace("{" + e.getKey() + "}", e.getValue());
        }
        assertThat(out).as("every path parameter of %s is known to the test", template).doesNotContain("{");
        return out;
    }

    /** Bodies that would change the graph if the gate let them through. */
    private static String body(WebServer.Route route, String path) {
        if (!api(route)) {
            return "id=it-refused&name=Refused&region=Nowhere&asOf=2024&experience=coach_behavior&architecture=market_maker";
        }
        return switch (route.method() + " " + route.path()) {
            case "POST /api/markets" -> "{\"id\": \"it-refused\", \"name\": \"Refused\", \"region\": \"Nowhere\", \"asOf\": 2024}";
            case "PUT /api/firms/{firmId}" -> "{\"name\": \"Refused\"}";
            case "POST /api/markets/{marketId}/firms" -> "{\"id\": \"it-refused-firm\", \"name\": \"Refused firm\"}";
            case "PUT /api/firms/{firmId}/touchpoints/{touchpointId}/moment-of-truth" -> "true";
            case "POST /api/cypher" -> "{\"query\": \"RETURN 1\"}";
            default -> "{}";
        };
    }

    private static Map<String, String> token(Role role) {
        return Map.of("Authorization", "Bearer " + TOKENS.get(role));
    }

    private static Map<String, String> session(Role role) {
        return Map.of("Cookie", COOKIES.get(role));
    }

    private static HttpResponse<String> call(WebServer.Route route, String path, Map<String, String> headers) {
        if (route.method().equals("GET")) {
            return send("GET", path, null, null, headers);
        }
        return send(route.method(), path, api(route) ? "application/json" : "application/x-www-form-urlencoded", body(route, path), headers);
    }

    private static HttpResponse<String> call(String method, String path, Map<String, String> headers) {
        return send(method, path, method.equals("GET") ? null : "application/x-www-form-urlencoded", method.equals("GET") ? null : "", headers);
    }

    private static HttpResponse<String> call(String method, String path, Map<String, String> headers, String json) {
        return send(method, path, "application/json", json, headers);
    }

    private static HttpResponse<String> login(String name, String password, String next) {
        String form = "name=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
        return send("POST", "/login", "application/x-www-form-urlencoded", form, Map.of());
    }

    private static String sessionCookie(HttpResponse<String> login) {
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow(() -> new AssertionError("no cookie: " + login.body()));
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static HttpResponse<String> send(String method, String path, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        headers.forEach(b::header);
        try {
            return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A login over a plain socket, to send a Host header (java.net.http does not); answers the response head. */
    private static String rawLogin(String host, String forwardedProto) throws IOException {
        String form = "name=viewer-user&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&next=%2F";
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            String request = "POST /login HTTP/1.1\r\nHost: " + host + "\r\nX-Forwarded-Proto: " + forwardedProto
                    + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length()
                    + "\r\nConnection: close\r\n\r\n" + form;
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(response).startsWith("HTTP/1.1 303");
            return response.substring(0, response.indexOf("\r\n\r\n"));
        }
    }

    record Cli(int code, String out, String err) {
    }

    /** Runs {@code cstrat} in this JVM with {@code stdin} as standard input (not a terminal, so passwords come from it). */
    static synchronized Cli cli(String stdin, String... args) {
        InputStream original = System.in;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
            return new Cli(code, out.toString(), err.toString());
        } finally {
            System.setIn(original);
        }
    }

    @SuppressWarnings("unused")
    private static String describe(List<WebServer.Route> routes) {
        return routes.stream().map(r -> r.method() + " " + r.path() + " " + r.gate()).collect(Collectors.joining("\n"));
    }
}
