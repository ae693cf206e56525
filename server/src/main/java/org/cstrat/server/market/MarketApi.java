package org.cstrat.server.market;

import io.javalin.http.ContentType;
import io.javalin.http.Context;

/** JSON endpoints for markets, their matrix and its white space. */
public final class MarketApi {

    private final MarketService markets;
    /** The matrix JSON of each market as sent, while its cached matrix is the same. */
    private final MatrixDerived<String> matrixJson = new MatrixDerived<>();

    public MarketApi(MarketService markets) {
        this.markets = markets;
    }

    /** {@code GET /api/markets}. */
    public void markets(Context ctx) {
        ctx.json(markets.markets());
    }

    /** {@code GET /api/markets/{marketId}}. */
    public void market(Context ctx) {
        ctx.json(markets.market(ctx.pathParam("marketId")));
    }

    /** {@code GET /api/markets/{marketId}/matrix}. */
    public void matrix(Context ctx) {
        Matrix matrix = markets.matrix(ctx.pathParam("marketId"));
        ctx.contentType(ContentType.APPLICATION_JSON)
                .result(matrixJson.of(matrix, m -> ctx.jsonMapper().toJsonString(MatrixJson.of(m), MatrixJson.class)));
    }

    /** {@code GET /api/markets/{marketId}/white-space}. */
    public void whiteSpace(Context ctx) {
        ctx.json(markets.whiteSpace(ctx.pathParam("marketId")));
    }
}
