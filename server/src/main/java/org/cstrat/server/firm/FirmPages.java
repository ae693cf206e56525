package org.cstrat.server.firm;

import java.util.Map;

import io.javalin.http.Context;
import org.cstrat.server.view.Templates;

/** {@code GET /firms/{firmId}}: the firm page; {@code GET /firms/{firmId}/evidence}: its placements' evidence as a fragment. */
public final class FirmPages {

    private final FirmService firms;
    private final Templates templates;

    public FirmPages(FirmService firms, Templates templates) {
        this.firms = firms;
        this.templates = templates;
    }

    public void firm(Context ctx) {
        ctx.html(templates.render("firm", Map.of("p", firms.profile(ctx.pathParam("firmId")))));
    }

    /** The evidence of each placement, drawn as on the firm page, for the matrix page's side panel. */
    public void evidence(Context ctx) {
        ctx.html(templates.render("firm-evidence", Map.of("p", firms.profile(ctx.pathParam("firmId")))));
    }
}
