package dev.faultlab.web;

import dev.faultlab.account.Course;
import dev.faultlab.grading.LabSheets;
import dev.faultlab.grading.PracticeService;
import dev.faultlab.run.LiveRun;
import dev.faultlab.run.RunCodec;
import dev.faultlab.run.RunService;
import dev.faultlab.run.RunSummary;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.Recipe;
import dev.faultlab.store.RunStore;
import dev.faultlab.web.auth.Access;
import dev.faultlab.web.auth.Authn;
import dev.faultlab.web.auth.CourseAccess;
import dev.faultlab.web.auth.Viewer;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The REST side of runs: create, list, inspect, page the trace, read states, branch, delete. */
final class RunRoutes {
    static final int MAX_PAGE = 5_000;

    private RunRoutes() {
    }

    /** Either a recipe, or a lab of a course: then the run of the viewer's variant of that lab. */
    record CreateRun(Recipe recipe, LabReference lab) {
    }

    /** {@code practice}: the number of one of the viewer's practice variants; left out, their graded variant. */
    record LabReference(Long courseId, String labId, Integer practice) {
    }

    record Branch(Integer atEvent, List<Fault> faults) {
    }

    record RunDetails(RunSummary run, Recipe recipe, boolean canDrive) {
    }

    record TracePage(int from, int next, int total, boolean ended, List<RunCodec.EventView> events) {
    }

    record RunListItem(UUID id, String protocol, UUID parentRunId, long eventsReached, OffsetDateTime createdAt) {
        static RunListItem of(RunStore.StoredRun run) {
            return new RunListItem(run.id(), run.protocol(), run.parentRunId().orElse(null), run.eventsReached(),
                    run.createdAt());
        }
    }

    static void register(RoutesConfig routes, RunService runs, RunAccess access, LabSheets sheets, PracticeService practice,
                         CourseAccess courses) {
        routes.get("/api/runs", ctx -> {
            Viewer viewer = Authn.viewer(ctx);
            ctx.json(Map.of("runs", runs.listByOwner(viewer.id(), 100).stream().map(RunListItem::of).toList()));
        }, Access.SIGNED_IN);

        routes.post("/api/runs", ctx -> {
            Viewer viewer = Authn.viewer(ctx);
            CreateRun body = Requests.body(ctx, CreateRun.class);
            if ((body.recipe() == null) == (body.lab() == null)) {
                throw ApiException.badRequest("Give either the run's recipe or a lab of a course, not both.",
                        Map.of("field", "recipe"));
            }
            LiveRun run = body.recipe() != null
                    ? runs.create(body.recipe(), Optional.of(viewer.id()), Optional.empty())
                    : variantRun(runs, sheets, practice, courses, viewer, body.lab());
            ctx.status(201).json(details(run, viewer));
        }, Access.SIGNED_IN);

        routes.get("/api/runs/{id}", ctx -> {
            Viewer viewer = Authn.viewer(ctx);
            ctx.json(details(access.visible(viewer, ctx.pathParam("id")), viewer));
        }, Access.SIGNED_IN);

        routes.get("/api/runs/{id}/trace", ctx -> {
            LiveRun run = access.visible(Authn.viewer(ctx), ctx.pathParam("id"));
            int from = intQuery(ctx, "from", 0);
            int limit = intQuery(ctx, "limit", 1_000);
            if (limit < 1 || limit > MAX_PAGE) {
                throw ApiException.badRequest("limit must be between 1 and " + MAX_PAGE + ".", Map.of("field", "limit"));
            }
            int total = run.eventCount();
            if (from < 0 || from > total) {
                throw ApiException.badRequest("from must be between 0 and " + total + " (the events the run has).",
                        Map.of("field", "from"));
            }
            int to = Math.min(total, from + limit);
            ctx.json(new TracePage(from, to, total, run.summary().endReason() != null, RunCodec.views(run.events(from, to))));
        }, Access.SIGNED_IN);

        routes.get("/api/runs/{id}/state", ctx -> {
            LiveRun run = access.visible(Authn.viewer(ctx), ctx.pathParam("id"));
            if (ctx.queryParam("at") == null) {
                throw ApiException.badRequest("Give the event index: ?at=<event>.", Map.of("field", "at"));
            }
            ctx.json(run.stateAt(intQuery(ctx, "at", 0)));
        }, Access.SIGNED_IN);

        routes.get("/api/runs/{id}/charts", ctx -> {
            LiveRun run = access.visible(Authn.viewer(ctx), ctx.pathParam("id"));
            if (ctx.queryParam("at") == null) {
                throw ApiException.badRequest("Give the event index: ?at=<event> (-1: before the first event).", Map.of("field", "at"));
            }
            ctx.json(run.chartsAt(intQuery(ctx, "at", 0)));
        }, Access.SIGNED_IN);

        routes.get("/api/runs/{id}/valency", ctx -> {
            LiveRun run = access.visible(Authn.viewer(ctx), ctx.pathParam("id"));
            if (ctx.queryParam("at") == null) {
                throw ApiException.badRequest("Give the event index: ?at=<event> (-1: before the first event).", Map.of("field", "at"));
            }
            ctx.json(run.valencyAt(intQuery(ctx, "at", 0)));
        }, Access.SIGNED_IN);

        routes.post("/api/runs/{id}/branch", ctx -> {
            Viewer viewer = Authn.viewer(ctx);
            LiveRun parent = access.visible(viewer, ctx.pathParam("id"));
            Branch body = Requests.body(ctx, Branch.class);
            if (body.atEvent() == null) {
                throw ApiException.badRequest("Give the event to branch at: atEvent.", Map.of("field", "atEvent"));
            }
            List<Fault> faults = body.faults() == null ? List.of() : body.faults();
            LiveRun branch = runs.branch(parent, body.atEvent(), faults, Optional.of(viewer.id()));
            ctx.status(201).json(details(branch, viewer));
        }, Access.SIGNED_IN);

        routes.delete("/api/runs/{id}", ctx -> {
            runs.delete(access.drivableStored(Authn.viewer(ctx), ctx.pathParam("id")).id());
            ctx.status(204);
        }, Access.SIGNED_IN);
    }

    /**
     * The run of the viewer's variant (or of a practice variant), filed under the course so its instructors can see
     * it: the one they opened before, if any, so their branches and injected faults are still there.
     */
    private static LiveRun variantRun(RunService runs, LabSheets sheets, PracticeService practice, CourseAccess courses,
                                      Viewer viewer,
                                      LabReference lab) {
        if (lab.courseId() == null || lab.labId() == null || lab.labId().isBlank()) {
            String missing = lab.courseId() == null ? "lab.courseId" : "lab.labId";
            throw ApiException.badRequest("Give the lab's " + missing.substring(4) + ".", Map.of("field", missing));
        }
        Course course = courses.requireMember(viewer, lab.courseId());
        boolean instructor = courses.isInstructor(viewer, course.id());
        Recipe recipe = lab.practice() == null ? sheets.variantRun(course, lab.labId(), viewer.id(), instructor)
                : practice.run(course, lab.labId(), viewer.id(), instructor, lab.practice());
        return runs.existing(recipe, viewer.id(), course.id())
                .orElseGet(() -> runs.create(recipe, Optional.of(viewer.id()), Optional.of(course.id())));
    }

    private static RunDetails details(LiveRun run, Viewer viewer) {
        return new RunDetails(run.summary(), run.recipe(), RunAccess.mayDrive(viewer, run));
    }

    private static int intQuery(Context ctx, String name, int fallback) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be a whole number, got '" + raw + "'.", Map.of("field", name));
        }
    }
}
