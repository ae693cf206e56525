package org.cstrat.server.market;

import java.util.Map;

import io.javalin.http.Context;
import org.cstrat.server.http.Templates;

/** HTML pages: the home page listing markets, a market's matrix, and the matrix as SVG and CSV files. */
public final class MarketPages {

    private final MarketService markets;
    private final Templates templates;

    public MarketPages(MarketService markets, Templates templates) {
        this.markets = markets;
        this.templates = templates;
    }

    /** {@code GET /}. */
    public void home(Context ctx) {
        ctx.html(templates.render("home", Map.of("markets", markets.markets())));
    }

    /** {@code GET /markets/{marketId}}; {@code ?selected=firmId} opens the side panel on that firm. */
    public void matrix(Context ctx) {
        Matrix matrix = markets.matrix(ctx.pathParam("marketId"));
        String selected = ctx.queryParam("selected");
        ctx.html(templates.render("market", Map.of("matrix", matrix, "whiteSpace", WhiteSpace.of(matrix),
                "selected", selected == null ? "" : selected)));
    }

    /** {@code GET /markets/{marketId}/matrix.svg}. */
    public void svg(Context ctx) {
        Matrix matrix = markets.matrix(ctx.pathParam("marketId"));
        ctx.contentType("image/svg+xml; charset=utf-8")
                .header("Content-Disposition", "inline; filename=\"" + matrix.market().id() + "-matrix.svg\"")
                .result(MatrixExport.svg(matrix));
    }

    /** {@code GET /markets/{marketId}/matrix.csv}. */
    public void csv(Context ctx) {
        Matrix matrix = markets.matrix(ctx.pathParam("marketId"));
        ctx.contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + matrix.market().id() + "-matrix.csv\"")
                .result(MatrixExport.csv(matrix));
    }
}
