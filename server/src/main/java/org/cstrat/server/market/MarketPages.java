package org.cstrat.server.market;

import java.util.Map;

import io.javalin.http.Context;
import org.cstrat.server.http.Templates;

/** HTML pages: the home page listing markets, and a market's matrix. */
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

    /** {@code GET /markets/{marketId}}. */
    public void matrix(Context ctx) {
        ctx.html(templates.render("market", Map.of("matrix", markets.matrix(ctx.pathParam("marketId")))));
    }
}
