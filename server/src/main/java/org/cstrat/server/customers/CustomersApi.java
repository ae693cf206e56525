package org.cstrat.server.customers;

import java.util.List;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.cstrat.server.customers.imports.ImportFile;
import org.cstrat.server.customers.imports.ImportJobs;
import org.cstrat.server.customers.imports.ImportProgress;
import org.cstrat.server.customers.journeys.JourneyReport;
import org.cstrat.server.core.InvalidRequestException;
import org.cstrat.server.core.NotFoundException;

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
        List<ImportFile> files = CustomerRequests.files(ctx);
        ctx.status(HttpStatus.CREATED).json(s.imports().importFiles(firm, ctx.queryParam("market"), files, ImportProgress.NONE));
    }

    /** {@code POST /api/firms/{firmId}/import-jobs[?market=ID]}: the same, in the background (a wrong market is 400 at once); 202 with the job's id and href. */
    public void startImportJob(Context ctx) {
        String firm = ctx.pathParam("firmId");
        String market = ctx.queryParam("market");
        s.imports().checkMarket(firm, market);
        ImportJobs.Status job = importJobs.start(firm, market, CustomerRequests.files(ctx));
        String href = "/api/import-jobs/" + job.id();
        ctx.status(HttpStatus.ACCEPTED).header("Location", href).json(new JobLink(job.id(), href));
    }

    /** Where a started job can be followed. */
    public record JobLink(String id, String href) {
    }

    /** {@code GET /api/import-jobs/{jobId}}: state, phase, interactions so far; at the end the report, the errors or why it failed. */
    public void importJob(Context ctx) {
        ctx.json(CustomerRequests.importJob(importJobs, ctx.pathParam("jobId")));
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

    /** The body of unmerge and re-link: an identifier is required, the record is optional. */
    public record Link(String identifier, String record) {
        public Link {
            if (identifier == null || identifier.isBlank()) {
                throw new InvalidRequestException("identifier is required, e.g. {\"identifier\": \"acme/email/family@example.com\"}");
            }
        }
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
            if (link == null) {
                throw new InvalidRequestException("identifier is required, e.g. {\"identifier\": \"acme/email/family@example.com\"}");
            }
            return link;
        } catch (Exception e) { // Jackson's errors arrive unchecked through Javalin's Kotlin mapper
            if (e instanceof InvalidRequestException ire) {
                throw ire;
            }
            if (e.getCause() instanceof InvalidRequestException ire) { // Link's constructor refused it, through Jackson
                throw ire;
            }
            if (e instanceof RuntimeException) {
                throw new InvalidRequestException("The body must be JSON {\"identifier\": \"...\", \"record\": \"...\"}: " + e.getMessage());
            }
            throw e; // Jackson's own (an unknown field, malformed JSON): the HTTP layer answers them, naming the field
        }
    }

    /** {@code GET /api/firms/{firmId}/segments}. */
    public void segments(Context ctx) {
        ctx.json(s.segments().segments(ctx.pathParam("firmId")));
    }

    /** {@code POST /api/firms/{firmId}/segments}: recompute (k-means++, k by silhouette). */
    public void recomputeSegments(Context ctx) {
        ctx.json(s.segments().recompute(ctx.pathParam("firmId")));
    }

    /** {@code GET /api/firms/{firmId}/journeys}: nodes, transitions, top paths, drop-offs. */
    public void journeys(Context ctx) {
        ctx.json(JourneyReport.of(s.journeys().journeys(ctx.pathParam("firmId"))));
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
        ctx.json(s.valuation().value(firm).orElseThrow(() -> new NotFoundException("customer valuation of firm", firm)));
    }

    /** {@code POST /api/firms/{firmId}/value[?end=YYYY-MM-DD]}: fit BG/NBD + Gamma-Gamma and write values back (422 if it does not converge). */
    public void revalue(Context ctx) {
        String firm = ctx.pathParam("firmId");
        ctx.json(s.valuation().valueCustomers(firm, CustomerRequests.end(ctx)));
    }
}
