package dev.faultlab.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.faultlab.lab.LabCatalog;
import dev.faultlab.lab.LabProblem;
import dev.faultlab.web.auth.Access;
import dev.faultlab.web.auth.Authn;
import io.javalin.config.RoutesConfig;

import java.util.List;

/** GET /api/labs: the labs a student can open; instructors also see why a lab folder does not load. */
final class CatalogRoutes {
    private CatalogRoutes() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LabList(List<LabCatalog.LabSummary> labs, List<LabProblem> problems) {
    }

    static void register(RoutesConfig routes, LabCatalog catalog) {
        routes.get("/api/labs", ctx -> {
            LabCatalog.Listing listing = catalog.list();
            boolean writesLabs = Authn.currentUser(ctx).filter(v -> v.isInstructor() || v.isAdmin()).isPresent();
            ctx.json(new LabList(listing.labs(), writesLabs ? listing.problems() : null));
        }, Access.PUBLIC);
    }
}
