package org.cstrat.customers.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import org.cstrat.customers.imports.ImportFile;
import org.cstrat.customers.imports.ImportJobs;
import org.cstrat.customers.imports.ImportProgress;
import org.cstrat.customers.journeys.JourneyMap;
import org.cstrat.server.InvalidRequestException;
import org.cstrat.server.NotFoundException;

/** JSON endpoints of a firm's customer data under {@code /api/firms/{firmId}/...}. */
public final class CustomersApi {

    private final CustomerServices s;
    private final ImportJobs importJobs;

    public CustomersApi(CustomerServices services, ImportJobs importJobs) {
        this.s = services;
        this.importJobs = importJobs;
    }

    /**
     * {@code POST /api/firms/{firmId}/imports[?market=ID]}: multipart files (field {@code files}); 400 problem+json with
     * file:line:column errors. {@code market} places a new firm (or one in "Unassigned") there, as {@code import --market}.
     */
    public void importFiles(Context ctx) {
        String firm = ctx.pathParam("firmId");
        List<ImportFile> files = files(ctx);
        ctx.status(HttpStatus.CREATED).json(s.imports().importFiles(firm, ctx.queryParam("market"), files, ImportProgress.NONE));
    }

    /** {@code POST /api/firms/{firmId}/import-jobs[?market=ID]}: the same, in the background (a wrong market is 400 at once); 202 with the job's id and href. */
    public void startImportJob(Context ctx) {
        String firm = ctx.pathParam("firmId");
        String market = ctx.queryParam("market");
        s.imports().checkMarket(firm, market);
        ImportJobs.Status job = importJobs.start(firm, market, files(ctx));
        String href = "/api/import-jobs/" + job.id();
        ctx.status(HttpStatus.ACCEPTED).header("Location", href).json(new JobLink(job.id(), href));
    }

    /** Where a started job can be followed. */
    public record JobLink(String id, String href) {
    }

    /** {@code GET /api/import-jobs/{jobId}}: state, phase, interactions so far; at the end the report, the errors or why it failed. */
    public void importJob(Context ctx) {
        ctx.json(importJob(importJobs, ctx.pathParam("jobId")));
    }

    static ImportJobs.Status importJob(ImportJobs jobs, String id) {
        return jobs.job(id).orElseThrow(() -> new NotFoundException("import job", id));
    }

    static List<ImportFile> files(Context ctx) {
        List<UploadedFile> uploaded;
        try {
            uploaded = ctx.uploadedFiles("files");
            if (uploaded.isEmpty()) {
                uploaded = ctx.uploadedFiles();
            }
        } catch (Exception e) { // Jetty's multipart errors arrive unchecked (IOException, IllegalStateException)
            String message = String.valueOf(e.getMessage());
            if (message.contains("exceeds max")) {
                throw new ContentTooLargeResponse("The upload is too large: " + message);
            }
            throw new InvalidRequestException("The upload is not valid multipart/form-data: " + message);
        }
        if (uploaded.isEmpty()) {
            throw new InvalidRequestException("No file uploaded: send multipart/form-data with one or more 'files' parts");
        }
        return uploaded.stream().map(f -> {
            try (var in = f.content()) {
                return new ImportFile(f.filename(), in.readAllBytes());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
    }

    /** {@code GET /api/firms/{firmId}/customers}: the unified-view report (coverage, silos, over-merged). */
    public void unifiedView(Context ctx) {
        ctx.json(s.identity().view(ctx.pathParam("firmId")));
    }

    /** {@code POST /api/firms/{firmId}/identity/unmerge} with JSON {@code {"identifier": "...", "record": "..."}} (record optional). */
    public void unmerge(Context ctx) {
        Link link = link(ctx);
        ctx.json(s.identity().unmerge(ctx.pathParam("firmId"), link.identifier(), link.record()));
    }

    /** {@code POST /api/firms/{firmId}/identity/relink}: undoes an unmerge. */
    public void relink(Context ctx) {
        Link link = link(ctx);
        ctx.json(s.identity().relink(ctx.pathParam("firmId"), link.identifier(), link.record()));
    }

    /** The body of unmerge and re-link. */
    public record Link(String identifier, String record) {
    }

    /**
     * The body of unmerge and re-link, which must be sent as {@code application/json}: a form on another site can
     * only send url-encoded, multipart or plain-text bodies, so it cannot make these changes (no CSRF).
     */
    private static Link link(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new InvalidRequestException("Send the body as application/json, e.g. {\"identifier\": \"acme/email/family@example.com\"}");
        }
        try {
            Link link = ctx.bodyAsClass(Link.class);
            if (link == null || link.identifier() == null || link.identifier().isBlank()) {
                throw new InvalidRequestException("identifier is required, e.g. {\"identifier\": \"acme/email/family@example.com\"}");
            }
            return link;
        } catch (RuntimeException e) {
            if (e instanceof InvalidRequestException ire) {
                throw ire;
            }
            throw new InvalidRequestException("The body must be JSON {\"identifier\": \"...\", \"record\": \"...\"}: " + e.getMessage());
        }
    }

    /** {@code GET /api/firms/{firmId}/segments}. */
    public void segments(Context ctx) {
        s.identity().firmName(ctx.pathParam("firmId"));
        ctx.json(s.segments().segments(ctx.pathParam("firmId")));
    }

    /** {@code POST /api/firms/{firmId}/segments}: recompute (k-means++, k by silhouette). */
    public void recomputeSegments(Context ctx) {
        s.identity().firmName(ctx.pathParam("firmId"));
        ctx.json(s.segments().recompute(ctx.pathParam("firmId")));
    }

    /** {@code GET /api/firms/{firmId}/journeys}: nodes, transitions, top paths, drop-offs. */
    public void journeys(Context ctx) {
        s.identity().firmName(ctx.pathParam("firmId"));
        JourneyMap map = s.journeys().journeys(ctx.pathParam("firmId"));
        ctx.json(Map.of("journeys", map.journeys(), "purchases", map.purchases(), "conversion", map.conversion(),
                "touchpoints", map.nodes(), "transitions", map.transitions(), "topPaths", map.topPaths(), "dropOffs", map.dropOffs()));
    }

    /** {@code PUT /api/firms/{firmId}/touchpoints/{touchpointId}/moment-of-truth} with JSON {@code true} or {@code false}. */
    public void tagMoment(Context ctx) {
        String body = ctx.body().strip();
        if (!body.equals("true") && !body.equals("false")) {
            throw new InvalidRequestException("The body must be true or false");
        }
        s.journeys().tagMomentOfTruth(ctx.pathParam("firmId"), ctx.pathParam("touchpointId"), Boolean.parseBoolean(body));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    /** {@code GET /api/firms/{firmId}/value}: the stored fit and value per RFM class (404 before a valuation). */
    public void value(Context ctx) {
        String firm = ctx.pathParam("firmId");
        s.identity().firmName(firm);
        ctx.json(s.valuation().value(firm).orElseThrow(() -> new NotFoundException("customer valuation of firm", firm)));
    }

    /** {@code POST /api/firms/{firmId}/value[?end=YYYY-MM-DD]}: fit BG/NBD + Gamma-Gamma and write values back (422 if it does not converge). */
    public void revalue(Context ctx) {
        String firm = ctx.pathParam("firmId");
        s.identity().firmName(firm);
        ctx.json(s.valuation().valueCustomers(firm, end(ctx)));
    }

    static LocalDate end(Context ctx) {
        String end = ctx.queryParam("end");
        if (end == null || end.isBlank()) {
            end = ctx.formParam("end");
        }
        if (end == null || end.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(end.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("end must be a date YYYY-MM-DD, got '" + end + "'");
        }
    }
}
