package org.cstrat.server.health;

import io.javalin.http.Context;

/** {@code GET /health}: always 200, with whether the database answers and how far preparing it is (loading while the demo loads). */
public final class HealthApi {

    private final HealthService health;

    public HealthApi(HealthService health) {
        this.health = health;
    }

    public void health(Context ctx) {
        ctx.json(health.check());
    }
}
