package org.cstrat.server.firm;

import java.util.Map;

import io.javalin.http.Context;
import org.cstrat.server.view.Templates;

/** {@code GET /firms/{firmId}}: the firm page. */
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
}
