package dev.faultlab.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultlab.account.Course;
import dev.faultlab.grading.Grading;
import dev.faultlab.web.auth.Access;
import dev.faultlab.web.auth.Authn;
import dev.faultlab.web.auth.CourseAccess;
import dev.faultlab.web.auth.Viewer;
import io.javalin.config.RoutesConfig;

import java.util.Map;
import java.util.UUID;

/**
 * A lab inside a course, as its members work on it: the sheet of the viewer's variant, drafts, graded
 * submissions, and a student's own grades. Students see only their own work; instructors preview the lab.
 */
final class LabRoutes {
    private LabRoutes() {
    }

    record DraftRequest(JsonNode answer) {
    }

    record SubmitRequest(UUID submissionId, JsonNode answer) {
    }

    /** A practice answer, with the student's answers to the variant's other exercises (for error carried forward). */
    record CheckRequest(JsonNode answer, Map<String, JsonNode> others) {
    }

    private static final String PRACTICE = "/api/courses/{courseId}/labs/{labId}/practice/{practice}";

    static void register(RoutesConfig routes, Grading grading, CourseAccess access, RunAnswers runAnswers) {
        routes.get("/api/courses/{courseId}/labs/{labId}", ctx -> {
            Viewer viewer = Authn.viewer(ctx);
            Course course = access.requireMember(viewer, Requests.id(ctx, "courseId"));
            ctx.json(grading.sheets().sheet(course, ctx.pathParam("labId"), viewer.id(),
                    access.isInstructor(viewer, course.id())));
        }, Access.SIGNED_IN);

        routes.put("/api/courses/{courseId}/labs/{labId}/exercises/{exerciseId}/draft", ctx -> {
            Viewer viewer = Authn.viewer(ctx);
            Course course = access.requireStudent(viewer, Requests.id(ctx, "courseId"));
            DraftRequest request = Requests.body(ctx, DraftRequest.class);
            grading.submissions().saveDraft(course, ctx.pathParam("labId"), ctx.pathParam("exerciseId"), viewer.id(),
                    request.answer());
            ctx.status(204);
        }, Access.SIGNED_IN);

        routes.post("/api/courses/{courseId}/labs/{labId}/exercises/{exerciseId}/submissions", ctx -> {
            Viewer viewer = Authn.viewer(ctx);
            long courseId = Requests.id(ctx, "courseId");
            SubmitRequest request = Requests.body(ctx, SubmitRequest.class);
            // The course check runs in the submit's transaction, on what its locking read finds.
            ctx.json(grading.submissions().submit(courseId, ctx.pathParam("labId"), ctx.pathParam("exerciseId"),
                    viewer.id(), request.submissionId(), runAnswers.resolve(viewer, request.answer()), Authn.actor(ctx),
                    (course, role) -> access.requireStudent(viewer, course, role)));
        }, Access.SIGNED_IN);

        routes.get(PRACTICE, ctx -> {
            Viewer viewer = Authn.viewer(ctx);
            Course course = access.requireMember(viewer, Requests.id(ctx, "courseId"));
            ctx.json(grading.practice().sheet(course, ctx.pathParam("labId"), viewer.id(),
                    access.isInstructor(viewer, course.id()), practice(ctx)));
        }, Access.SIGNED_IN);

        routes.post(PRACTICE + "/exercises/{exerciseId}/check", ctx -> {
            Viewer viewer = Authn.viewer(ctx);
            Course course = access.requireMember(viewer, Requests.id(ctx, "courseId"));
            CheckRequest request = Requests.body(ctx, CheckRequest.class);
            ctx.json(grading.practice().check(course, ctx.pathParam("labId"), ctx.pathParam("exerciseId"), viewer.id(),
                    access.isInstructor(viewer, course.id()), practice(ctx), runAnswers.resolve(viewer, request.answer()), request.others()));
        }, Access.SIGNED_IN);

        routes.get(PRACTICE + "/exercises/{exerciseId}/solution", ctx -> {
            Viewer viewer = Authn.viewer(ctx);
            Course course = access.requireMember(viewer, Requests.id(ctx, "courseId"));
            ctx.json(grading.practice().solution(course, ctx.pathParam("labId"), ctx.pathParam("exerciseId"), viewer.id(),
                    access.isInstructor(viewer, course.id()), practice(ctx)));
        }, Access.SIGNED_IN);

        routes.get("/api/courses/{courseId}/grades", ctx -> {
            Viewer viewer = Authn.viewer(ctx);
            Course course = access.requireStudent(viewer, Requests.id(ctx, "courseId"));
            ctx.json(grading.gradebook().ownGrades(course, viewer.id()));
        }, Access.SIGNED_IN);
    }

    /** The practice variant's number from the path; the service says which numbers exist. */
    static int practice(io.javalin.http.Context ctx) {
        return (int) Math.min(Requests.id(ctx, "practice"), Integer.MAX_VALUE);
    }
}
