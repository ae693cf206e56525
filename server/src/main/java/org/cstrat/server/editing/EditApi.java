package org.cstrat.server.editing;

import java.util.Map;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.cstrat.server.core.ValidationException;
import org.cstrat.server.firm.FirmJson;
import org.cstrat.server.firm.FirmService;
import org.cstrat.server.market.MarketService;

/**
 * The JSON editing API. Creation answers 201 with a {@code Location} header, updates 200; both return
 * the market or the firm as it now is (the firm with its placements recomputed). Bad input answers
 * {@code application/problem+json} with {@code errors: [{field, message}]}.
 */
public final class EditApi {

    private final EditingService editing;
    private final MarketService markets;
    private final FirmService firms;

    public EditApi(EditingService editing, MarketService markets, FirmService firms) {
        this.editing = editing;
        this.markets = markets;
        this.firms = firms;
    }

    public void createMarket(Context ctx) {
        String id = editing.createMarket(Input.ofJson(body(ctx)));
        ctx.status(HttpStatus.CREATED).header("Location", "/api/markets/" + id).json(markets.market(id));
    }

    public void updateMarket(Context ctx) {
        ctx.json(markets.market(editing.updateMarket(ctx.pathParam("marketId"), Input.ofJson(body(ctx)))));
    }

    public void createFirm(Context ctx) {
        String id = editing.createFirm(ctx.pathParam("marketId"), Input.ofJson(body(ctx)));
        ctx.status(HttpStatus.CREATED).header("Location", "/api/firms/" + id).json(FirmJson.of(firms.profile(id)));
    }

    public void updateFirm(Context ctx) {
        ctx.json(FirmJson.of(firms.profile(editing.updateFirm(ctx.pathParam("firmId"), Input.ofJson(body(ctx))))));
    }

    public void createPart(Context ctx) {
        String firm = ctx.pathParam("firmId");
        editing.save(firm, EditingService.kind(ctx.pathParam("kind")), null, Input.ofJson(body(ctx)));
        ctx.status(HttpStatus.CREATED).header("Location", "/api/firms/" + firm).json(FirmJson.of(firms.profile(firm)));
    }

    public void updatePart(Context ctx) {
        String firm = ctx.pathParam("firmId");
        editing.save(firm, EditingService.kind(ctx.pathParam("kind")), ctx.pathParam("itemId"), Input.ofJson(body(ctx)));
        ctx.json(FirmJson.of(firms.profile(firm)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Context ctx) {
        String body = ctx.body();
        Object parsed;
        try {
            parsed = body.isBlank() ? null : ctx.jsonMapper().fromJsonString(body, Object.class);
        } catch (Exception e) { // Jackson's parse errors arrive unchecked through Javalin's Kotlin mapper
            throw ValidationException.of("body", "is not valid JSON");
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw ValidationException.of("body", "must be a JSON object");
        }
        return (Map<String, Object>) map;
    }
}
