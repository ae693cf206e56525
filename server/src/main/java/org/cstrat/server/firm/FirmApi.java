package org.cstrat.server.firm;

import io.javalin.http.Context;

/** {@code GET /api/firms/{firmId}}: the firm with its placements, each with its evidence. */
public final class FirmApi {

    private final FirmService firms;

    public FirmApi(FirmService firms) {
        this.firms = firms;
    }

    public void firm(Context ctx) {
        ctx.json(FirmJson.of(firms.profile(ctx.pathParam("firmId"))));
    }
}
