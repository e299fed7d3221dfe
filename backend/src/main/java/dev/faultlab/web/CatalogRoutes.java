package dev.faultlab.web;

import dev.faultlab.lab.LabCatalog;
import dev.faultlab.web.auth.Access;
import io.javalin.config.RoutesConfig;

/** GET /api/labs: the labs a student can open. */
final class CatalogRoutes {
    private CatalogRoutes() {
    }

    record LabList(java.util.List<LabCatalog.LabSummary> labs) {
    }

    static void register(RoutesConfig routes, LabCatalog catalog) {
        routes.get("/api/labs", ctx -> ctx.json(new LabList(catalog.list().labs())), Access.PUBLIC);
    }
}
