package dev.faultlab.web;

import dev.faultlab.account.Course;
import dev.faultlab.grading.GradeViews;
import dev.faultlab.grading.GradebookCsv;
import dev.faultlab.grading.Grading;
import dev.faultlab.web.auth.Access;
import dev.faultlab.web.auth.Authn;
import dev.faultlab.web.auth.CourseAccess;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** What a course's instructors read and do about grades: gradebooks, their CSV export, and regrading a lab. */
final class GradebookRoutes {
    private GradebookRoutes() {
    }

    /** Left out, a field takes the harmless value: only a preview, and no grade lowered. */
    record RegradeRequest(Boolean apply, Boolean neverLower) {
        boolean applies() {
            return Boolean.TRUE.equals(apply);
        }

        boolean keepsHigherGrades() {
            return !Boolean.FALSE.equals(neverLower);
        }
    }

    static void register(RoutesConfig routes, Grading grading, CourseAccess access) {
        routes.get("/api/courses/{courseId}/gradebook", ctx ->
                ctx.json(grading.gradebook().courseGradebook(instructorsCourse(ctx, access))), Access.SIGNED_IN);

        routes.get("/api/courses/{courseId}/labs/{labId}/gradebook", ctx ->
                ctx.json(grading.gradebook().labGradebook(instructorsCourse(ctx, access), ctx.pathParam("labId"))),
                Access.SIGNED_IN);

        routes.get("/api/courses/{courseId}/labs/{labId}/gradebook.csv", ctx -> {
            Course course = instructorsCourse(ctx, access);
            GradeViews.LabGradebook book = grading.gradebook().labGradebook(course, ctx.pathParam("labId"));
            ctx.contentType("text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"" + fileName(course, book) + "\"")
                    .result(GradebookCsv.of(book));
        }, Access.SIGNED_IN);

        routes.get("/api/courses/{courseId}/labs/{labId}/students/{userId}/attempts", ctx ->
                ctx.json(grading.attempts().of(instructorsCourse(ctx, access), ctx.pathParam("labId"), Requests.id(ctx, "userId"))),
                Access.SIGNED_IN);

        routes.post("/api/courses/{courseId}/labs/{labId}/regrade", ctx -> {
            Course course = instructorsCourse(ctx, access);
            RegradeRequest request = Requests.body(ctx, RegradeRequest.class);
            ctx.json(grading.regrades().regrade(course, ctx.pathParam("labId"), request.applies(),
                    request.keepsHigherGrades(), Authn.actor(ctx)));
        }, Access.SIGNED_IN);
    }

    private static Course instructorsCourse(Context ctx, CourseAccess access) {
        return access.requireInstructor(Authn.viewer(ctx), Requests.id(ctx, "courseId"));
    }

    /** Course codes and lab ids are plain letters, digits and dashes; anything else is dropped from the name. */
    private static String fileName(Course course, GradeViews.LabGradebook book) {
        return (course.code() + "-" + book.lab().id() + "-grades.csv").replaceAll("[^A-Za-z0-9._-]", "");
    }
}
