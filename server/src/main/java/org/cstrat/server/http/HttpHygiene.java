package org.cstrat.server.http;

import org.cstrat.input.FieldError;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.cstrat.server.core.InvalidRequestException;

/**
 * What every answer carries and every request must respect, in one place: security headers, request size limits, 405
 * with {@code Allow}, bodies that must be UTF-8, and JSON errors named by their path.
 * <ul>
 *   <li><b>Headers</b> on every answer (pages, API, errors, static files): a Content-Security-Policy without inline
 *       script or style ({@link #CONTENT_SECURITY_POLICY}), {@code X-Content-Type-Options: nosniff},
 *       {@code X-Frame-Options: DENY}, {@code Referrer-Policy: same-origin}.</li>
 *   <li><b>Limits</b>: a JSON or form body up to {@link #MAX_BODY_BYTES}; a multipart upload (CSV imports) up to
 *       {@link #MAX_UPLOAD_BYTES} in all, kept in memory up to 1 MiB a file and spooled to a temporary file beyond;
 *       more is 413.</li>
 * </ul>
 */
final class HttpHygiene {

    /** JSON and form bodies: the largest the workbench takes (a simulation request is a few KiB). */
    static final long MAX_BODY_BYTES = 1L << 20;
    /** One multipart upload, all files together: the import holds its files in memory while it validates them. */
    static final long MAX_UPLOAD_MIB = 256;
    static final long MAX_UPLOAD_BYTES = MAX_UPLOAD_MIB << 20;

    /**
     * Scripts and styles only from the workbench's own files (no inline script, no inline style, no eval); pictures
     * also as {@code data:}/{@code blob:} URLs (the PNG export draws the SVG through one); nothing may frame the pages,
     * and forms post only to the workbench.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
            + " connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    private HttpHygiene() {
    }

    /** The limits and the 405 rule, from Javalin's configuration block. */
    static void configure(JavalinConfig config) {
        config.http.maxRequestSize = MAX_BODY_BYTES;
        config.http.prefer405over404 = true;
        config.jetty.multipartConfig.maxFileSize(MAX_UPLOAD_MIB, SizeUnit.MB);
        config.jetty.multipartConfig.maxTotalRequestSize(MAX_UPLOAD_MIB, SizeUnit.MB);
        config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
    }

    /** Before every request: the security headers (kept on errors, which answer through the same response). */
    static void headers(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
    }

    /**
     * Before every request with a body that is not multipart: it must fit {@link #MAX_BODY_BYTES} (413) and be UTF-8
     * (400 naming the first bad byte), since JSON is UTF-8 and a lenient decoding would store replacement characters.
     */
    static void checkBody(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/") || ctx.contentLength() == 0 || !hasBody(ctx.method().name())) {
            return;
        }
        byte[] body = ctx.bodyAsBytes(); // throws 413 beyond maxRequestSize; Javalin keeps the bytes for the handler
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            int bad = firstBadByte(body);
            throw new InvalidRequestException(String.format("The request body is not valid UTF-8 (byte 0x%02x at offset %d)", bad < body.length ? body[bad] & 0xff : 0, bad));
        }
    }

    private static boolean hasBody(String method) {
        return method.equals("POST") || method.equals("PUT") || method.equals("PATCH") || method.equals("DELETE");
    }

    private static int firstBadByte(byte[] body) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        var result = decoder.decode(in, java.nio.CharBuffer.allocate(body.length + 1), true);
        return result.isError() ? in.position() : body.length;
    }

    /** The detail of a Javalin status answer (405, 413, 400 ...), with the methods a 405's path allows. */
    static String detail(HttpResponseException e, Context ctx) {
        if (e.getStatus() == HttpStatus.METHOD_NOT_ALLOWED.getCode()) {
            return ctx.method().name() + " is not allowed on " + ctx.path() + "; allowed: " + ctx.res().getHeader("Allow");
        }
        if (e.getStatus() == HttpStatus.CONTENT_TOO_LARGE.getCode()) {
            return tooLarge();
        }
        return e.getMessage();
    }

    /** The detail of every 413, Javalin's (a body over the limit) and the workbench's own (an upload over it): the limits. */
    static String tooLarge() {
        return "The request body is larger than the workbench accepts (" + (MAX_BODY_BYTES >> 10) + " KiB for JSON and forms, "
                + MAX_UPLOAD_MIB + " MiB for an upload)";
    }

    /** Sets {@code Allow} on a 405 from the methods Javalin found for the path. */
    static void allow(HttpResponseException e, Context ctx) {
        if (e.getStatus() == HttpStatus.METHOD_NOT_ALLOWED.getCode()) {
            String methods = e.getDetails().getOrDefault("availableMethods", "");
            ctx.header("Allow", List.of(methods.split(",")).stream().map(String::strip).filter(m -> !m.isEmpty())
                    .map(m -> m.toUpperCase(Locale.ROOT)).distinct().collect(Collectors.joining(", ")));
        }
    }

    /** A JSON body's error named by its JSON path: an unknown field with the known ones, else Jackson's message. */
    static List<FieldError> jsonErrors(JsonProcessingException e) {
        String path = e instanceof JsonMappingException m ? path(m) : "$";
        if (e instanceof UnrecognizedPropertyException u) {
            List<String> known = u.getKnownPropertyIds() == null ? List.of()
                    : u.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
            return List.of(FieldError.path(path, "unknown field; expected one of " + known));
        }
        return List.of(FieldError.path(path, e.getOriginalMessage()));
    }

    private static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder("$");
        for (JsonMappingException.Reference r : e.getPath()) {
            out.append(r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]");
        }
        return out.toString();
    }
}
