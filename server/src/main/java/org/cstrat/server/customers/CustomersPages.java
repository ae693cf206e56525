package org.cstrat.server.customers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.cstrat.server.customers.imports.ImportJobs;
import org.cstrat.server.customers.imports.ImportProgress;
import org.cstrat.server.customers.imports.ImportRejectedException;
import org.cstrat.server.customers.imports.ImportReport;
import org.cstrat.server.customers.journeys.JourneyMap;
import org.cstrat.server.customers.journeys.JourneySvg;
import org.cstrat.server.core.NotFoundException;
import org.cstrat.server.core.UnprocessableException;
import org.cstrat.server.core.WorkbenchException;
import org.cstrat.server.view.Templates;

/** HTML pages of a firm's customers: {@code /firms/{firmId}/customers} and its import page. */
public final class CustomersPages {

    private final CustomerServices s;
    private final ImportJobs importJobs;
    private final Templates templates;
    private final Function<WorkbenchException, HttpStatus> statusOf;

    /** @param statusOf the HTTP layer's status for an error, for the upload form shown again with its errors */
    public CustomersPages(CustomerServices services, ImportJobs importJobs, Templates templates, Function<WorkbenchException, HttpStatus> statusOf) {
        this.s = services;
        this.importJobs = importJobs;
        this.templates = templates;
        this.statusOf = statusOf;
    }

    /** {@code GET /firms/{firmId}/customers}: unified view, segments, value, journeys. */
    public void customers(Context ctx) {
        ctx.html(templates.render("customers", model(ctx.pathParam("firmId"))));
    }

    private Map<String, Object> model(String firm) {
        Map<String, Object> m = new HashMap<>();
        m.put("view", s.identity().view(firm));
        m.put("segments", s.segments().segments(firm));
        m.put("value", s.valuation().value(firm).orElse(null));
        JourneyMap journeys = s.journeys().journeys(firm);
        m.put("journeys", journeys);
        m.put("journeySvg", journeys.journeys() == 0 ? "" : JourneySvg.render(journeys));
        m.put("message", null);
        return m;
    }

    /** {@code POST /firms/{firmId}/customers/segments} and {@code .../value}: recompute, then show the page (with the reason if it cannot). */
    public void recomputeSegments(Context ctx) {
        String firm = ctx.pathParam("firmId");
        String message;
        try {
            message = s.segments().recompute(firm).size() + " segments found.";
        } catch (UnprocessableException e) {
            message = e.getMessage();
        }
        render(ctx, firm, message);
    }

    public void revalue(Context ctx) {
        String firm = ctx.pathParam("firmId");
        String message;
        try {
            message = "Customer value fitted on " + s.valuation().valueCustomers(firm, CustomerRequests.end(ctx)).model().customers() + " customers.";
        } catch (UnprocessableException e) {
            message = e.getMessage();
        }
        render(ctx, firm, message);
    }

    private void render(Context ctx, String firm, String message) {
        Map<String, Object> m = model(firm);
        m.put("message", message);
        ctx.html(templates.render("customers", m));
    }

    /**
     * {@code GET /firms/{firmId}/customers/import[?job=...]}: the upload form; with a background import job of the
     * firm (started by the page's script), also its report, errors or failure (the script swaps them in).
     */
    public void importForm(Context ctx) {
        String firm = ctx.pathParam("firmId");
        String name = s.identity().firmLabel(firm);
        String jobId = ctx.queryParam("job");
        if (jobId == null) {
            ctx.html(templates.render("customers-import", importModel(firm, name, null, List.of(), 0)));
            return;
        }
        ImportJobs.Status job = CustomerRequests.importJob(importJobs, jobId);
        if (!job.firm().equals(firm)) {
            throw new NotFoundException("import job of firm " + firm, jobId);
        }
        List<String> errors = job.errors() == null ? List.of() : job.errors().stream().map(e -> e.field() + ": " + e.message()).toList();
        Map<String, Object> m = importModel(firm, name, job.report(), errors, job.totalErrors() == null ? 0 : job.totalErrors());
        m.put("job", job);
        ctx.html(templates.render("customers-import", m));
    }

    /** {@code POST /firms/{firmId}/customers/import}: the upload; errors are listed on the form (an invalid request's status), nothing written. */
    public void importUpload(Context ctx) {
        String firm = ctx.pathParam("firmId");
        String name = s.identity().firmLabel(firm);
        try {
            ImportReport report = s.imports().importFiles(firm, CustomerRequests.files(ctx), ImportProgress.NONE);
            ctx.html(templates.render("customers-import", importModel(firm, name, report, List.of(), 0)));
        } catch (ImportRejectedException e) {
            ctx.status(statusOf.apply(e));
            ctx.html(templates.render("customers-import", importModel(firm, name, null, e.errors().stream().map(Object::toString).toList(), e.total())));
        }
    }

    private static Map<String, Object> importModel(String firm, String name, ImportReport report, List<String> errors, int total) {
        Map<String, Object> m = new HashMap<>();
        m.put("firm", firm);
        m.put("firmName", name);
        m.put("report", report);
        m.put("errors", errors);
        m.put("totalErrors", total);
        m.put("job", null);
        return m;
    }
}
