package org.cstrat.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.HttpStatus;
import org.cstrat.server.console.ConsoleException;
import org.cstrat.server.core.ConflictException;
import org.cstrat.input.FieldError;
import org.cstrat.server.core.ForbiddenException;
import org.cstrat.server.core.InvalidRequestException;
import org.cstrat.server.core.NotFoundException;
import org.cstrat.server.core.NotReadyException;
import org.cstrat.server.core.StartupException;
import org.cstrat.server.core.TooLargeException;
import org.cstrat.server.core.UnauthorizedException;
import org.cstrat.server.core.UnprocessableException;
import org.cstrat.server.core.ValidationException;
import org.cstrat.server.customers.imports.ImportRejectedException;
import org.cstrat.server.customers.value.TransactionLogException;
import org.cstrat.server.simulation.SimulationRefusedException;
import org.cstrat.server.view.Templates;
import org.junit.jupiter.api.Test;

/** The one table from error kinds to statuses, and what the error mapping does with an exception outside the root. */
class ErrorStatusTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachKindHasItsStatus() {
        assertThat(ErrorStatus.of(new NotFoundException("market", "x"))).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(ErrorStatus.of(ValidationException.of("name", "must not be empty"))).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ErrorStatus.of(new InvalidRequestException("end", "must be a date"))).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ErrorStatus.of(new ImportRejectedException(List.of(FieldError.at("a.csv", 2, 3, "bad")))))
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ErrorStatus.of(ConflictException.of("id", "exists"))).isEqualTo(HttpStatus.CONFLICT);
        assertThat(ErrorStatus.of(new UnprocessableException("too few customers"))).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(ErrorStatus.of(new SimulationRefusedException(SimulationRefusedException.Reason.TOO_LARGE, "big", List.of())))
                .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(ErrorStatus.of(new SimulationRefusedException(SimulationRefusedException.Reason.TOO_MANY_JOBS, "busy", List.of())))
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(ErrorStatus.of(new TooLargeException("the upload is too large"))).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(ErrorStatus.of(new ForbiddenException("no"))).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(ErrorStatus.of(new UnauthorizedException("who"))).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(ErrorStatus.of(new NotReadyException("loading", false, "schema", 5))).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(ErrorStatus.of(new StartupException("disk"))).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    }

    @Test
    void consoleRefusalsKeepTheirStatuses() {
        assertThat(console(ConsoleException.Kind.SYNTAX)).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(console(ConsoleException.Kind.INVALID)).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(console(ConsoleException.Kind.READ_ONLY)).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(console(ConsoleException.Kind.FORBIDDEN)).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(console(ConsoleException.Kind.TIMEOUT)).isEqualTo(HttpStatus.REQUEST_TIMEOUT);
        assertThat(console(ConsoleException.Kind.MEMORY)).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(console(ConsoleException.Kind.TOO_LARGE)).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
    }

    @Test
    void theCustomerValueRootIsMappedToo() {
        TransactionLogException log = new TransactionLogException(List.of(FieldError.at("log.csv", 3, 2, "bad amount")));
        assertThat(ErrorStatus.of(log)).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private static HttpStatus console(ConsoleException.Kind kind) {
        return ErrorStatus.of(new ConsoleException(kind, "refused", "Neo.ClientError.X", 2, 5, 12));
    }

    @Test
    void fieldErrorsNameAFileLineAndColumn() {
        assertThat(FieldError.at("customers.csv", 14, 3, "bad date")).extracting(FieldError::field, FieldError::message)
                .containsExactly("customers.csv:14:3", "bad date");
        assertThat(FieldError.at("log.csv", 7, 0, "too few fields")).extracting(FieldError::field, FieldError::message)
                .containsExactly("log.csv:7", "too few fields");
        assertThat(new ImportRejectedException(List.of(FieldError.at("b.csv", 4, 2, "late"), FieldError.at("a.csv", 9, 1, "early")))
                .fieldErrors()).extracting(FieldError::field, FieldError::message)
                .containsExactly(tuple("a.csv:9:1", "early"), tuple("b.csv:4:2", "late"));
    }

    @Test
    void fieldErrorsAreWrittenAsFieldAndMessage() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper().registerModule(Problem.FIELD_ERRORS);
        assertThat(json.writeValueAsString(List.of(FieldError.path("name", "must not be empty"),
                FieldError.path("$.run.replications", "1000000", "too many"), FieldError.at("log.csv", 7, 0, "too few fields"))))
                .isEqualTo("[{\"field\":\"name\",\"message\":\"must not be empty\"},"
                        + "{\"field\":\"$.run.replications\",\"message\":\"1000000: too many\"},"
                        + "{\"field\":\"log.csv:7\",\"message\":\"too few fields\"}]");
    }

    @Test
    void somethingTooLargeIs413NamingTheLimits() throws Exception {
        Javalin app = Javalin.create(config -> config.showJavalinBanner = false);
        WebServer.errors(app, new Templates());
        app.get("/api/upload", ctx -> {
            throw new TooLargeException("The upload is too large: exceeds max file size");
        });
        app.get("/upload", ctx -> {
            throw new TooLargeException("The upload is too large: exceeds max file size");
        });
        try {
            app.start("127.0.0.1", 0);
            HttpResponse<String> api = get(app, "/api/upload");
            assertThat(api.statusCode()).isEqualTo(413);
            assertThat(api.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith(Problem.CONTENT_TYPE));
            assertThat(JSON.readTree(api.body()).path("detail").asText()).isEqualTo(HttpHygiene.tooLarge()).contains("MiB for an upload");
            HttpResponse<String> page = get(app, "/upload");
            assertThat(page.statusCode()).isEqualTo(413);
            assertThat(page.body()).contains("MiB for an upload");
        } finally {
            app.stop();
        }
    }

    @Test
    void anEscapingIllegalArgumentExceptionIsA500WithTheStackTraceInTheLog() throws Exception {
        Javalin app = Javalin.create(config -> config.showJavalinBanner = false);
        WebServer.errors(app, new Templates());
        app.get("/api/bug", ctx -> {
            throw new IllegalArgumentException("placement of unknown firm 'ghost'");
        });
        app.get("/api/invalid", ctx -> {
            throw new InvalidRequestException("maxRows", "must be between 1 and 10000, got 0");
        });
        app.get("/api/conflict", ctx -> {
            throw ConflictException.of("id", "a market with id 'x' already exists");
        });
        app.get("/bug", ctx -> {
            throw new IllegalArgumentException("a page's bug");
        });
        PrintStream stderr = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(new Tee(stderr, log), true, StandardCharsets.UTF_8));
            app.start("127.0.0.1", 0);
            HttpResponse<String> bug = get(app, "/api/bug");
            assertThat(bug.statusCode()).isEqualTo(500);
            assertThat(bug.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith(Problem.CONTENT_TYPE));
            JsonNode problem = JSON.readTree(bug.body());
            assertThat(problem.path("status").asInt()).isEqualTo(500);
            assertThat(problem.path("detail").asText()).doesNotContain("ghost").contains("the log has the details");
            assertThat(get(app, "/bug").statusCode()).isEqualTo(500);

            HttpResponse<String> invalid = get(app, "/api/invalid");
            assertThat(invalid.statusCode()).isEqualTo(400);
            JsonNode field = JSON.readTree(invalid.body()).path("errors").get(0);
            assertThat(field.path("field").asText()).isEqualTo("maxRows");
            assertThat(field.path("message").asText()).isEqualTo("must be between 1 and 10000, got 0");
            HttpResponse<String> conflict = get(app, "/api/conflict");
            assertThat(conflict.statusCode()).isEqualTo(409);
            assertThat(JSON.readTree(conflict.body()).path("detail").asText()).isEqualTo("A market with id 'x' already exists.");
        } finally {
            System.setErr(stderr);
            app.stop();
        }
        String logged = log.toString(StandardCharsets.UTF_8);
        assertThat(logged).contains("Request GET /api/bug failed")
                .contains("java.lang.IllegalArgumentException: placement of unknown firm 'ghost'")
                .contains("at org.cstrat.server.http.ErrorStatusTest")
                .contains("Request GET /bug failed")
                .doesNotContain("/api/invalid failed").doesNotContain("/api/conflict failed");
    }

    private static HttpResponse<String> get(Javalin app, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Writes to both streams: the log still reaches the console while the test reads it. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int x) throws java.io.IOException {
            a.write(x);
            b.write(x);
        }

        @Override
        public synchronized void write(byte[] bytes, int off, int len) throws java.io.IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }

        @Override
        public synchronized void flush() throws java.io.IOException {
            a.flush();
            b.flush();
        }
    }
}
