package org.cstrat.server.market;

import io.javalin.http.Context;

/** JSON endpoints for markets, their matrix and its white space. */
public final class MarketApi {

    private final MarketService markets;

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
        ctx.json(MatrixJson.of(markets.matrix(ctx.pathParam("marketId"))));
    }

    /** {@code GET /api/markets/{marketId}/white-space}. */
    public void whiteSpace(Context ctx) {
        ctx.json(markets.whiteSpace(ctx.pathParam("marketId")));
    }
}
