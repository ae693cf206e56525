package org.cstrat.server.http;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.put;

import java.net.BindException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import org.cstrat.customers.imports.ImportRejectedException;
import org.cstrat.customers.web.CustomersApi;
import org.cstrat.customers.web.CustomersPages;
import org.cstrat.server.InvalidRequestException;
import org.cstrat.server.NotFoundException;
import org.cstrat.server.UnprocessableException;
import org.cstrat.server.StartupException;
import org.cstrat.server.health.HealthApi;
import org.cstrat.server.market.MarketApi;
import org.cstrat.server.market.MarketPages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side: one route table, one error mapping. API paths ({@code /api/**}, {@code /health})
 * answer errors as {@code application/problem+json}; pages answer with a friendly HTML page.
 */
public final class WebServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final String HANDLED = "cstrat.error-handled";

    private final Javalin app;

    /** The handlers the route table dispatches to. */
    public record Handlers(HealthApi health, MarketApi marketApi, MarketPages marketPages,
                           CustomersApi customersApi, CustomersPages customersPages) {
    }

    public WebServer(Handlers h, Templates templates) {
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.defaultContentType = "application/json";
            config.jsonMapper(new JavalinJackson().updateMapper(mapper -> {
                mapper.registerModule(new JavaTimeModule());
                mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
            }));
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/web/static";
                files.location = Location.CLASSPATH;
            });
            config.router.apiBuilder(() -> {
                get("/", h.marketPages()::home);
                get("/health", h.health()::health);
                get("/markets/{marketId}", h.marketPages()::matrix);
                path("/firms/{firmId}/customers", () -> {
                    get("", h.customersPages()::customers);
                    get("/import", h.customersPages()::importForm);
                    post("/import", h.customersPages()::importUpload);
                    post("/segments", h.customersPages()::recomputeSegments);
                    post("/value", h.customersPages()::revalue);
                });
                path("/api", () -> {
                    path("/firms/{firmId}", () -> {
                        post("/imports", h.customersApi()::importFiles);
                        get("/customers", h.customersApi()::unifiedView);
                        post("/identity/unmerge", h.customersApi()::unmerge);
                        post("/identity/relink", h.customersApi()::relink);
                        get("/segments", h.customersApi()::segments);
                        post("/segments", h.customersApi()::recomputeSegments);
                        get("/journeys", h.customersApi()::journeys);
                        put("/touchpoints/{touchpointId}/moment-of-truth", h.customersApi()::tagMoment);
                        get("/value", h.customersApi()::value);
                        post("/value", h.customersApi()::revalue);
                    });
                    get("/markets", h.marketApi()::markets);
                    get("/markets/{marketId}", h.marketApi()::market);
                    get("/markets/{marketId}/matrix", h.marketApi()::matrix);
                });
            });
        });
        app.exception(NotFoundException.class, (e, ctx) -> error(ctx, templates, HttpStatus.NOT_FOUND, e.getMessage()));
        app.exception(ImportRejectedException.class, (e, ctx) -> error(ctx, templates, HttpStatus.BAD_REQUEST, e.getMessage(),
                e.errors().stream().map(x -> new Problem.FieldError(x.location(), x.message())).toList()));
        app.exception(InvalidRequestException.class, (e, ctx) -> error(ctx, templates, HttpStatus.BAD_REQUEST, e.getMessage()));
        app.exception(UnprocessableException.class, (e, ctx) -> error(ctx, templates, HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("Request {} {} failed", ctx.method(), ctx.path(), e);
            error(ctx, templates, HttpStatus.INTERNAL_SERVER_ERROR, "The workbench could not answer this request; the log has the details.");
        });
        app.error(HttpStatus.NOT_FOUND, ctx -> {
            if (ctx.attribute(HANDLED) == null) {
                error(ctx, templates, HttpStatus.NOT_FOUND, "Nothing is at " + ctx.path());
            }
        });
    }

    static boolean isApi(Context ctx) {
        String path = ctx.path();
        return path.startsWith("/api/") || path.equals("/api") || path.equals("/health");
    }

    private static void error(Context ctx, Templates templates, HttpStatus status, String detail) {
        error(ctx, templates, status, detail, List.of());
    }

    private static void error(Context ctx, Templates templates, HttpStatus status, String detail, List<Problem.FieldError> errors) {
        ctx.attribute(HANDLED, Boolean.TRUE);
        ctx.status(status);
        if (isApi(ctx)) {
            ctx.contentType(Problem.CONTENT_TYPE);
            ctx.result(ctx.jsonMapper().toJsonString(new Problem("about:blank", status.getMessage(), status.getCode(), detail, ctx.path(), errors), Problem.class));
        } else {
            ctx.html(templates.render("error", Map.of("status", status.getCode(), "title", status.getMessage(), "detail", detail)));
        }
    }

    /** Starts listening; port 0 picks a free one. */
    public WebServer start(String host, int port) {
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

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
