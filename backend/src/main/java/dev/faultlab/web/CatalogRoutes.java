package dev.faultlab.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.faultlab.lab.LabCatalog;
import dev.faultlab.lab.LabProblem;
import dev.faultlab.web.auth.Access;
import dev.faultlab.web.auth.Authn;
import io.javalin.config.RoutesConfig;

import java.util.List;

/**
 * GET /api/labs: the labs a student can open; instructors (and administrators) also see which labs are broken,
 * whether their last good version is still in service, and every problem (file, line, field).
 */
final class CatalogRoutes {
    private CatalogRoutes() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LabList(List<LabCatalog.LabSummary> labs, List<LabCatalog.BrokenLab> broken, List<LabProblem> problems) {
    }

    static void register(RoutesConfig routes, LabCatalog catalog) {
        routes.get("/api/labs", ctx -> {
            LabCatalog.Listing listing = catalog.list();
            boolean writesLabs = Authn.currentUser(ctx).filter(v -> v.isInstructor() || v.isAdmin()).isPresent();
            ctx.json(writesLabs ? new LabList(listing.labs(), listing.broken(), listing.problems())
                    : new LabList(listing.labs(), null, null));
        }, Access.PUBLIC);
    }
}
