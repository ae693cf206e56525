package org.cstrat.server.market;

import java.util.Map;

import io.javalin.http.Context;
import org.cstrat.server.view.Templates;

/** HTML pages: the home page listing markets, a market's matrix, and the matrix as SVG and CSV files. */
public final class MarketPages {

    private final MarketService markets;
    private final Templates templates;
    /** The rendered matrix table of each market, while its cached matrix is the same (most of the page's rendering). */
    private final MatrixDerived<String> tables;

    public MarketPages(MarketService markets, Templates templates) {
        this.markets = markets;
        this.templates = templates;
        this.tables = new MatrixDerived<>();
    }

    /** The part of the matrix page that depends on the matrix alone: the table, its legends and the white space. */
    public static String table(Templates templates, Matrix matrix) {
        return templates.render("fragments/matrix-table", Map.of("matrix", matrix, "whiteSpace", WhiteSpace.of(matrix)));
    }

    /** {@code GET /}. */
    public void home(Context ctx) {
        ctx.html(templates.render("home", Map.of("markets", markets.markets())));
    }

    /** {@code GET /markets/{marketId}}; {@code ?selected=firmId} opens the side panel on that firm. */
    public void matrix(Context ctx) {
        Matrix matrix = markets.matrix(ctx.pathParam("marketId"));
        String selected = ctx.queryParam("selected");
        ctx.html(templates.render("market", Map.of("matrix", matrix, "matrixTable", tables.of(matrix, m -> table(templates, m)),
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
