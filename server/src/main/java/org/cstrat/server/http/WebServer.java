package org.cstrat.server.http;

import org.cstrat.input.FieldError;
import static io.javalin.apibuilder.ApiBuilder.after;
import static io.javalin.apibuilder.ApiBuilder.before;
import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.put;
import static org.cstrat.server.http.Access.Gate.ADMIN;
import static org.cstrat.server.http.Access.Gate.ANALYST;
import static org.cstrat.server.http.Access.Gate.PUBLIC;
import static org.cstrat.server.http.Access.Gate.STRATEGIST;
import static org.cstrat.server.http.Access.Gate.VIEWER;

import java.net.BindException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import org.cstrat.server.customers.imports.ImportRejectedException;
import org.cstrat.server.customers.CustomersApi;
import org.cstrat.server.customers.CustomersPages;
import org.cstrat.server.core.ConflictException;
import org.cstrat.server.core.ForbiddenException;
import org.cstrat.server.core.InvalidRequestException;
import org.cstrat.server.core.NotReadyException;
import org.cstrat.server.core.NotFoundException;
import org.cstrat.server.core.UnauthorizedException;
import org.cstrat.server.core.UnprocessableException;
import org.cstrat.server.core.StartupException;
import org.cstrat.server.core.TooLargeException;
import org.cstrat.server.core.ValidationException;
import org.cstrat.server.app.Services;
import org.cstrat.server.auth.Authenticator;
import org.cstrat.server.config.WorkbenchConfig;
import org.cstrat.server.editing.EditApi;
import org.cstrat.server.editing.EditPages;
import org.cstrat.server.firm.FirmApi;
import org.cstrat.server.firm.FirmPages;
import org.cstrat.server.console.ConsoleApi;
import org.cstrat.server.console.ConsoleException;
import org.cstrat.server.console.ConsolePages;
import org.cstrat.server.health.HealthApi;
import org.cstrat.server.health.Readiness;
import org.cstrat.server.market.MarketApi;
import org.cstrat.server.market.MarketPages;
import org.cstrat.server.customers.value.ClvException;
import org.cstrat.server.customers.value.TransactionLogException;
import org.cstrat.server.simulation.ScenarioInputException;
import org.cstrat.sim.scenario.ScenarioException;
import org.cstrat.server.simulation.SimulationRefusedException;
import org.cstrat.server.simulation.SimulationApi;
import org.cstrat.server.simulation.SimulationPages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.cstrat.server.view.Templates;

/**
 * The HTTP side: one route table, one error mapping. API paths ({@code /api/**}, {@code /health})
 * answer errors as {@code application/problem+json}; pages answer with a friendly HTML page.
 */
public final class WebServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final String HANDLED = "cstrat.error-handled";

    private final Javalin app;
    /** Set by {@link #start}: what a request must come from (loopback only and no trusted origin until then). */
    private volatile RequestOriginGuard guard = new RequestOriginGuard(List.of());
    private volatile List<String> trustedOrigins = List.of();

    /** The handlers the route table dispatches to. */
    public record Handlers(HealthApi health, MarketApi marketApi, MarketPages marketPages,
                           SimulationApi simulationApi, SimulationPages simulationPages,
                           ConsoleApi consoleApi, ConsolePages consolePages,
                           FirmApi firmApi, FirmPages firmPages, EditApi editApi, EditPages editPages,
                           CustomersApi customersApi, CustomersPages customersPages) {

        /** Every handler over the composition root's services. */
        public static Handlers of(Services s, Templates templates) {
            return new Handlers(
                    new HealthApi(s.health()),
                    new MarketApi(s.markets()),
                    new MarketPages(s.markets(), templates),
                    new SimulationApi(s.simulations(), s.calibration(), Access::user),
                    new SimulationPages(s.simulations(), templates),
                    new ConsoleApi(s.console()),
                    new ConsolePages(s.console(), templates),
                    new FirmApi(s.firms()),
                    new FirmPages(s.firms(), templates),
                    new EditApi(s.editing(), s.markets(), s.firms()),
                    new EditPages(s.editing(), s.editForms(), templates, ErrorStatus::of),
                    new CustomersApi(s.customers(), s.importJobs()),
                    new CustomersPages(s.customers(), s.importJobs(), templates, ErrorStatus::of));
        }
    }

    /**
     * @param authenticator who may do what; empty: auth off, every request acts as a local admin
     * @param readiness whether the graph is prepared; until then routes but the public ones answer "loading" ({@link LoadingGate}) */
    public WebServer(Handlers h, Templates templates, Optional<Authenticator> authenticator, Readiness readiness) {
        LoadingGate loading = new LoadingGate(readiness);
        Access access = new Access(authenticator);
        LoginPages login = new LoginPages(authenticator, templates, () -> trustedOrigins);
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.defaultContentType = "application/json";
            config.jsonMapper(new JavalinJackson().updateMapper(mapper -> {
                mapper.registerModule(new JavaTimeModule());
                mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
                mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES); // bodies bound to records: unknown fields are 400
                mapper.registerModule(Problem.FIELD_ERRORS); // an error at a place as {field, message}
            }));
            HttpHygiene.configure(config);
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/web/static";
                files.location = Location.CLASSPATH;
            });
            config.router.apiBuilder(() -> {
                before(HttpHygiene::headers);
                before(access::begin);
                before(ctx -> guard.check(ctx));
                before(HttpHygiene::checkBody);
                after(access::end);
                // Every route names the least role it needs (Access.Gate); Access.check enforces it before the handler.
                get("/login", login::form, PUBLIC);
                post("/login", login::login, PUBLIC);
                post("/logout", login::logout, PUBLIC);
                get("/health", h.health()::health, PUBLIC);
                get("/", h.marketPages()::home, VIEWER);
                get("/markets/new", h.editPages()::newMarket, STRATEGIST);
                post("/markets", h.editPages()::createMarket, STRATEGIST);
                get("/markets/{marketId}", h.marketPages()::matrix, VIEWER);
                path("/firms/{firmId}/customers", () -> {
                    get("", h.customersPages()::customers, ANALYST);
                    get("/import", h.customersPages()::importForm, ADMIN);
                    post("/import", h.customersPages()::importUpload, ADMIN);
                    post("/segments", h.customersPages()::recomputeSegments, ANALYST);
                    post("/value", h.customersPages()::revalue, ANALYST);
                });
                get("/markets/{marketId}/matrix.svg", h.marketPages()::svg, VIEWER);
                get("/markets/{marketId}/matrix.csv", h.marketPages()::csv, VIEWER);
                get("/markets/{marketId}/edit", h.editPages()::editMarket, STRATEGIST);
                post("/markets/{marketId}/edit", h.editPages()::updateMarket, STRATEGIST);
                get("/markets/{marketId}/firms/new", h.editPages()::newFirm, STRATEGIST);
                post("/markets/{marketId}/firms", h.editPages()::createFirm, STRATEGIST);
                get("/firms/{firmId}", h.firmPages()::firm, VIEWER);
                get("/firms/{firmId}/evidence", h.firmPages()::evidence, VIEWER);
                get("/firms/{firmId}/edit", h.editPages()::editFirm, STRATEGIST);
                post("/firms/{firmId}/edit", h.editPages()::updateFirm, STRATEGIST);
                get("/firms/{firmId}/{kind}/new", h.editPages()::newPart, STRATEGIST);
                post("/firms/{firmId}/{kind}", h.editPages()::createPart, STRATEGIST);
                get("/firms/{firmId}/{kind}/{itemId}/edit", h.editPages()::editPart, STRATEGIST);
                post("/firms/{firmId}/{kind}/{itemId}/edit", h.editPages()::updatePart, STRATEGIST);
                get("/firms/{firmId}/simulate", h.simulationPages()::simulate, VIEWER);
                get("/simulations/{runId}", h.simulationPages()::run, VIEWER);
                get("/console", h.consolePages()::console, ANALYST);
                path("/api", () -> {
                    // customer data first: POST /api/firms/{id}/{kind} below would otherwise take imports, segments and value
                    path("/firms/{firmId}", () -> {
                        post("/imports", h.customersApi()::importFiles, ADMIN);
                        post("/import-jobs", h.customersApi()::startImportJob, ADMIN);
                        get("/customers", h.customersApi()::unifiedView, ANALYST);
                        post("/identity/unmerge", h.customersApi()::unmerge, ANALYST);
                        post("/identity/relink", h.customersApi()::relink, ANALYST);
                        get("/segments", h.customersApi()::segments, ANALYST);
                        post("/segments", h.customersApi()::recomputeSegments, ANALYST);
                        get("/journeys", h.customersApi()::journeys, ANALYST);
                        put("/touchpoints/{touchpointId}/moment-of-truth", h.customersApi()::tagMoment, ANALYST);
                        get("/value", h.customersApi()::value, ANALYST);
                        post("/value", h.customersApi()::revalue, ANALYST);
                    });
                    post("/cypher", h.consoleApi()::run, ANALYST);
                    get("/cypher/library", h.consoleApi()::library, ANALYST);
                    post("/firms/{firmId}/simulations", h.simulationApi()::start, STRATEGIST);
                    get("/firms/{firmId}/simulations", h.simulationApi()::runs, VIEWER);
                    get("/firms/{firmId}/calibration", h.simulationApi()::calibration, VIEWER);
                    get("/simulations/{runId}", h.simulationApi()::run, VIEWER);
                    get("/simulation-jobs/{jobId}", h.simulationApi()::job, VIEWER);
                    post("/firms/{firmId}/optimisations", h.simulationApi()::startOptimisation, STRATEGIST);
                    get("/firms/{firmId}/optimisations", h.simulationApi()::optimisations, VIEWER);
                    get("/optimisations/{runId}", h.simulationApi()::optimisation, VIEWER);
                    get("/simulation-catalogue", h.simulationApi()::catalogue, VIEWER);
                    get("/import-jobs/{jobId}", h.customersApi()::importJob, ADMIN);
                    delete("/simulation-jobs/{jobId}", h.simulationApi()::cancel, STRATEGIST);
                    get("/markets", h.marketApi()::markets, VIEWER);
                    post("/markets", h.editApi()::createMarket, STRATEGIST);
                    get("/markets/{marketId}", h.marketApi()::market, VIEWER);
                    put("/markets/{marketId}", h.editApi()::updateMarket, STRATEGIST);
                    get("/markets/{marketId}/matrix", h.marketApi()::matrix, VIEWER);
                    get("/markets/{marketId}/white-space", h.marketApi()::whiteSpace, VIEWER);
                    post("/markets/{marketId}/firms", h.editApi()::createFirm, STRATEGIST);
                    get("/firms/{firmId}", h.firmApi()::firm, VIEWER);
                    put("/firms/{firmId}", h.editApi()::updateFirm, STRATEGIST);
                    post("/firms/{firmId}/{kind}", h.editApi()::createPart, STRATEGIST);
                    put("/firms/{firmId}/{kind}/{itemId}", h.editApi()::updatePart, STRATEGIST);
                });
            });
        });
        app.beforeMatched(access::check);
        app.beforeMatched(loading::check);
        errors(app, templates, access);
    }

    /**
     * The one error mapping: each kind of {@link org.cstrat.server.core.WorkbenchException} answered with its status from
     * {@link ErrorStatus}; anything else that escapes a handler (an {@link IllegalArgumentException} too) is a bug in the
     * workbench: 500, and the log gets the request and the stack trace.
     */
    static void errors(Javalin app, Templates templates) {
        errors(app, templates, new Access(Optional.empty()));
    }

    /** As {@link #errors(Javalin, Templates)}; with logins asked for, a 404 or 405 for an anonymous caller is a 401 ({@link Access#refuseUnknownCaller}). */
    static void errors(Javalin app, Templates templates, Access access) {
        app.exception(NotReadyException.class, (e, ctx) -> notReady(ctx, templates, e));
        app.exception(UnauthorizedException.class, (e, ctx) -> unauthorized(ctx, templates, e));
        app.exception(NotFoundException.class, (e, ctx) -> error(ctx, templates, ErrorStatus.of(e), e.getMessage()));
        app.exception(ForbiddenException.class, (e, ctx) -> error(ctx, templates, ErrorStatus.of(e), e.getMessage()));
        app.exception(TooLargeException.class, (e, ctx) -> error(ctx, templates, ErrorStatus.of(e), HttpHygiene.tooLarge()));
        app.exception(ImportRejectedException.class, (e, ctx) -> error(ctx, templates, ErrorStatus.of(e), e.getMessage(), e.fieldErrors()));
        app.exception(InvalidRequestException.class, (e, ctx) -> {
            if (e.fieldErrors().isEmpty()) {
                error(ctx, templates, ErrorStatus.of(e), e.getMessage());
            } else {
                invalid(ctx, templates, e.getMessage(), e.fieldErrors());
            }
        });
        app.exception(UnprocessableException.class, (e, ctx) -> error(ctx, templates, ErrorStatus.of(e), e.getMessage()));
        app.exception(ValidationException.class, (e, ctx) -> invalid(ctx, templates, ErrorStatus.of(e), "The input is not valid; see errors.", e.getMessage(), e.errors()));
        app.exception(ConflictException.class, (e, ctx) -> invalid(ctx, templates, ErrorStatus.of(e), conflictDetail(e), e.getMessage(), e.errors()));
        app.exception(ScenarioInputException.class, (e, ctx) -> invalid(ctx, templates, e.getMessage(), e.fieldErrors()));
        app.exception(SimulationRefusedException.class, (e, ctx) -> error(ctx, templates, ErrorStatus.of(e), e.getMessage(), e.fieldErrors()));
        app.exception(ScenarioException.class, (e, ctx) -> invalid(ctx, templates, e.getMessage(), e.errors()));
        app.exception(TransactionLogException.class, (e, ctx) -> invalid(ctx, templates, e.getMessage().lines().findFirst().orElse(""), e.errors()));
        app.exception(ClvException.class, (e, ctx) -> error(ctx, templates, ErrorStatus.of(e), e.getMessage()));
        app.exception(StartupException.class, (e, ctx) -> { // the workbench's own files or database: a server error, logged
            LOG.error("Request {} {} failed", ctx.method(), ctx.path(), e);
            error(ctx, templates, ErrorStatus.of(e), "The workbench could not answer this request; the log has the details.");
        });
        app.exception(ConsoleException.class, (e, ctx) -> {
            ctx.attribute(HANDLED, Boolean.TRUE);
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "about:blank");
            problem.put("title", e.kind().title());
            problem.put("status", ErrorStatus.of(e).getCode());
            problem.put("detail", e.getMessage());
            problem.put("instance", ctx.path());
            problem.put("code", e.code());
            if (e.line() != null) {
                problem.put("position", Map.of("line", e.line(), "column", e.column(), "offset", e.offset()));
            }
            ctx.status(ErrorStatus.of(e)).contentType(Problem.CONTENT_TYPE).result(ctx.jsonMapper().toJsonString(problem, Map.class));
        });
        app.exception(JsonProcessingException.class, (e, ctx) -> invalid(ctx, templates, e instanceof UnrecognizedPropertyException
                ? "The request body has a field this endpoint does not know" : "The request body is not valid JSON", HttpHygiene.jsonErrors(e)));
        app.exception(HttpResponseException.class, (e, ctx) -> { // Javalin's own answers: 405 (with Allow), 413, 400 ...
            if (e.getStatus() < 400) { // a redirect thrown by ctx.redirect in a before-handler: Location is set already
                ctx.status(e.getStatus());
                return;
            }
            boolean noRoute = e.getStatus() == HttpStatus.METHOD_NOT_ALLOWED.getCode() || e.getStatus() == HttpStatus.NOT_FOUND.getCode();
            if (noRoute && refusedAsUnknownCaller(ctx, templates, access)) {
                return;
            }
            HttpHygiene.allow(e, ctx);
            error(ctx, templates, HttpStatus.forStatus(e.getStatus()), HttpHygiene.detail(e, ctx));
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("Request {} {} failed", ctx.method(), ctx.path(), e);
            error(ctx, templates, HttpStatus.INTERNAL_SERVER_ERROR, "The workbench could not answer this request; the log has the details.");
        });
        app.error(HttpStatus.NOT_FOUND, ctx -> {
            if (ctx.attribute(HANDLED) == null && !refusedAsUnknownCaller(ctx, templates, access)) {
                error(ctx, templates, HttpStatus.NOT_FOUND, "Nothing is at " + ctx.path());
            }
        });
    }

    /** Answers 401 (or the login redirect) when {@code access} refuses an anonymous caller of a path no route answers. */
    private static boolean refusedAsUnknownCaller(Context ctx, Templates templates, Access access) {
        try {
            access.refuseUnknownCaller(ctx);
            return false;
        } catch (UnauthorizedException e) {
            unauthorized(ctx, templates, e);
            return true;
        }
    }

    static boolean isApi(Context ctx) {
        String path = ctx.path();
        return path.startsWith("/api/") || path.equals("/api") || path.equals("/health");
    }

    /**
     * No credentials: 401 problem+json with {@code WWW-Authenticate: Bearer} on the API; a page GET goes to the login
     * page (303, coming back afterwards); other page requests get the 401 page.
     */
    private static void unauthorized(Context ctx, Templates templates, UnauthorizedException e) {
        if (isApi(ctx)) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"cstrat\"");
            error(ctx, templates, HttpStatus.UNAUTHORIZED, e.getMessage());
        } else if (ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD) {
            ctx.attribute(HANDLED, Boolean.TRUE);
            ctx.redirect(LoginPages.loginFor(ctx), HttpStatus.SEE_OTHER);
        } else {
            error(ctx, templates, HttpStatus.UNAUTHORIZED, e.getMessage());
        }
    }

    /** 503 while the graph is prepared: {@code Retry-After} and problem+json on the API, the loading page elsewhere. */
    private static void notReady(Context ctx, Templates templates, NotReadyException e) {
        if (!e.failed()) {
            ctx.header("Retry-After", String.valueOf(LoadingGate.RETRY_AFTER_SECONDS_DEFAULT));
        }
        if (isApi(ctx)) {
            error(ctx, templates, HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
            return;
        }
        ctx.attribute(HANDLED, Boolean.TRUE);
        ctx.status(HttpStatus.SERVICE_UNAVAILABLE);
        ctx.html(templates.render("loading", Map.of("failed", e.failed(), "phase", e.phase(), "percent", e.percent(),
                "detail", e.getMessage(), "refreshSeconds", LoadingGate.RETRY_AFTER_SECONDS_DEFAULT)));
    }

    private static void error(Context ctx, Templates templates, HttpStatus status, String detail) {
        error(ctx, templates, status, detail, List.of());
    }

    private static void error(Context ctx, Templates templates, HttpStatus status, String detail, List<FieldError> errors) {
        ctx.attribute(HANDLED, Boolean.TRUE);
        ctx.status(status);
        if (isApi(ctx)) {
            ctx.contentType(Problem.CONTENT_TYPE);
            ctx.result(ctx.jsonMapper().toJsonString(new Problem("about:blank", status.getMessage(), status.getCode(), detail, ctx.path(), errors), Problem.class));
        } else {
            ctx.html(templates.render("error", Map.of("status", status.getCode(), "title", status.getMessage(), "detail", detail)));
        }
    }

    /**
     * Bad or conflicting input outside a form (forms re-render themselves): problem+json with {@code apiDetail} and the
     * field errors, or the error page with the message.
     */
    private static void invalid(Context ctx, Templates templates, HttpStatus status, String apiDetail, String pageDetail, List<FieldError> errors) {
        ctx.attribute(HANDLED, Boolean.TRUE);
        ctx.status(status);
        if (isApi(ctx)) {
            ctx.contentType(Problem.CONTENT_TYPE);
            ctx.result(ctx.jsonMapper().toJsonString(new Problem("about:blank", status.getMessage(), status.getCode(), apiDetail, ctx.path(), errors), Problem.class));
        } else {
            ctx.html(templates.render("error", Map.of("status", status.getCode(), "title", status.getMessage(), "detail", pageDetail)));
        }
    }

    /** A conflict's detail says what conflicts (an existing id, an import already running), from the errors it carries. */
    private static String conflictDetail(ConflictException e) {
        String messages = e.errors().stream().map(f -> f.message()).distinct().collect(Collectors.joining("; "));
        return messages.isEmpty() ? "The request conflicts with the current state."
                : Character.toUpperCase(messages.charAt(0)) + messages.substring(1) + ".";
    }

    /** 400 with field-level errors: problem+json on the API, the error page elsewhere. */
    private static void invalid(Context ctx, Templates templates, String detail, List<FieldError> errors) {
        ctx.attribute(HANDLED, Boolean.TRUE);
        ctx.status(HttpStatus.BAD_REQUEST);
        if (isApi(ctx)) {
            ctx.contentType(Problem.CONTENT_TYPE);
            ctx.result(ctx.jsonMapper().toJsonString(new Problem("about:blank", "Bad Request", 400, detail, ctx.path(), errors), Problem.class));
        } else {
            ctx.html(templates.render("error", Map.of("status", 400, "title", "Bad Request",
                    "detail", detail + ": " + errors.stream().map(f -> f.field() + " " + f.detail()).toList())));
        }
    }

    /** Starts listening; port 0 picks a free one. */
    public WebServer start(String host, int port) {
        return start(host, port, List.of());
    }

    /**
     * Starts listening; port 0 picks a free one.
     *
     * @param trustedOrigins normalised origins ({@link WorkbenchConfig#origin}) a reverse proxy serves the workbench under
     */
    public WebServer start(String host, int port, List<String> trustedOrigins) {
        return start(host, port, trustedOrigins, Optional.empty());
    }

    /** As above; beyond loopback, requests may also name {@code advertisedHost} and this machine's names. */
    public WebServer start(String host, int port, List<String> trustedOrigins, Optional<String> advertisedHost) {
        guard = RequestOriginGuard.forListener(host, advertisedHost, trustedOrigins);
        this.trustedOrigins = List.copyOf(trustedOrigins);
        try {
            app.start(host, port);
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof BindException || String.valueOf(t.getMessage()).contains("Failed to bind")) {
                    throw new StartupException("HTTP port " + port + " on " + host + " is already in use (choose another with --http-port)", e);
                }
            }
            throw new StartupException("The HTTP server could not start on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        return this;
    }

    /** One route of the table: its method, path and the least role it needs. */
    public record Route(String method, String path, Access.Gate gate) {
    }

    /** Every route of the table as Javalin registered it (tests walk it, so that no route escapes the access checks). */
    public List<Route> routes() {
        return app.unsafeConfig().pvt.internalRouter.allHttpHandlers().stream()
                .map(e -> e.getEndpoint())
                .filter(e -> e.getMethod().isHttpMethod())
                .map(e -> new Route(e.getMethod().name(), e.getPath(), e.getRoles().stream()
                        .filter(r -> r instanceof Access.Gate).map(r -> (Access.Gate) r).findFirst().orElse(null)))
                .toList();
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
