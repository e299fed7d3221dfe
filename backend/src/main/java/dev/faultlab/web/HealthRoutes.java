package dev.faultlab.web;

import dev.faultlab.BuildInfo;
import dev.faultlab.store.Database;
import dev.faultlab.web.auth.Access;
import io.javalin.config.RoutesConfig;

/** GET /api/health: is the server up, which version, and can it reach its database. */
final class HealthRoutes {
    private HealthRoutes() {
    }

    record Health(String status, String version, Database.DatabaseHealth database) {
    }

    static void register(RoutesConfig routes, Database database) {
        String version = BuildInfo.version();
        routes.get("/api/health", ctx -> {
            Database.DatabaseHealth db = database.health();
            ctx.status(db.up() ? 200 : 503).json(new Health(db.up() ? "ok" : "degraded", version, db));
        }, Access.PUBLIC);
    }
}
