package org.cstrat.server.editing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.cstrat.server.core.ValidationException;
import org.cstrat.server.editing.Commands.FirmCommand;
import org.cstrat.server.editing.Commands.MarketCommand;
import org.cstrat.server.editing.Commands.PartCommand;
import org.cstrat.server.firm.FirmJson;
import org.cstrat.server.firm.FirmService;
import org.cstrat.server.market.MarketService;

/**
 * The JSON editing API. Each handler reads its body, a JSON object, into its typed command ({@link Commands}: every
 * field checked, an unknown one refused, all errors at once) and hands it to {@link EditingService}. Creation answers
 * 201 with a {@code Location} header, updates 200; both return the market or the firm as it now is (the firm with its
 * placements recomputed). Bad input answers {@code application/problem+json} with {@code errors: [{field, message}]}.
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
        String id = editing.createMarket(MarketCommand.read(body(ctx), null));
        ctx.status(HttpStatus.CREATED).header("Location", "/api/markets/" + id).json(markets.market(id));
    }

    public void updateMarket(Context ctx) {
        ctx.json(markets.market(editing.updateMarket(MarketCommand.read(body(ctx), ctx.pathParam("marketId")))));
    }

    public void createFirm(Context ctx) {
        String id = editing.createFirm(ctx.pathParam("marketId"), FirmCommand.read(body(ctx), null));
        ctx.status(HttpStatus.CREATED).header("Location", "/api/firms/" + id).json(FirmJson.of(firms.profile(id)));
    }

    public void updateFirm(Context ctx) {
        ctx.json(FirmJson.of(firms.profile(editing.updateFirm(FirmCommand.read(body(ctx), ctx.pathParam("firmId"))))));
    }

    public void createPart(Context ctx) {
        String firm = ctx.pathParam("firmId");
        Kind kind = EditingService.kind(ctx.pathParam("kind"));
        editing.createPart(firm, PartCommand.read(kind, body(ctx), null));
        ctx.status(HttpStatus.CREATED).header("Location", "/api/firms/" + firm).json(FirmJson.of(firms.profile(firm)));
    }

    public void updatePart(Context ctx) {
        String firm = ctx.pathParam("firmId");
        Kind kind = EditingService.kind(ctx.pathParam("kind"));
        editing.updatePart(firm, PartCommand.read(kind, body(ctx), ctx.pathParam("itemId")));
        ctx.json(FirmJson.of(firms.profile(firm)));
    }

    /** The body's fields, for a command to read: it must be a JSON object. */
    private static Input body(Context ctx) {
        String body = ctx.body();
        JsonNode parsed;
        try {
            parsed = body.isBlank() ? null : ctx.jsonMapper().fromJsonString(body, JsonNode.class);
        } catch (Exception e) { // Jackson's parse errors arrive unchecked through Javalin's Kotlin mapper
            throw ValidationException.of("body", "is not valid JSON");
        }
        if (!(parsed instanceof ObjectNode object)) {
            throw ValidationException.of("body", "must be a JSON object");
        }
        return Input.ofJson(object);
    }
}
