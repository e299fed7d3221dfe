package dev.faultlab.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.faultlab.account.AccountService;
import dev.faultlab.account.Course;
import dev.faultlab.account.CourseLab;
import dev.faultlab.account.CourseRole;
import dev.faultlab.account.CourseService;
import dev.faultlab.account.IssuedInvitation;
import dev.faultlab.account.Member;
import dev.faultlab.account.Membership;
import dev.faultlab.lab.LabCatalog;
import dev.faultlab.web.auth.Access;
import dev.faultlab.web.auth.Authn;
import dev.faultlab.web.auth.CourseAccess;
import dev.faultlab.web.auth.SessionRoutes.MembershipView;
import dev.faultlab.web.auth.Viewer;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Courses: a user's own list, creating one, joining by code, and what instructors do with theirs (join code,
 * members, invitations, labs and dates). Every course route first checks the viewer's place in the course.
 */
final class CourseRoutes {
    private CourseRoutes() {
    }

    /** A course as the viewer sees it; the join code only for those who manage it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CourseView(long id, String code, String title, String role, boolean canManage, String joinCode,
                      List<LabView> labs) {
    }

    record CourseList(List<CourseView> courses) {
    }

    /** A lab of a course, with its dates and whether it is open now. */
    record LabView(String labId, String title, Instant opensAt, Instant dueAt, String status) {
    }

    record MemberView(long userId, String email, String displayName, String role, Instant enrolledAt) {
        static MemberView of(Member m) {
            return new MemberView(m.userId(), m.email(), m.displayName(), m.role().name(), m.enrolledAt());
        }
    }

    record MemberList(List<MemberView> members) {
    }

    record CreateCourse(String code, String title, String instructorEmail) {
    }

    record JoinRequest(String joinCode) {
    }

    record InviteRequest(String email, String role) {
    }

    /** The invitation token is shown once, for the instructor to pass on as a link. */
    record InvitationIssued(String invitation, String email, String role, Instant expiresAt) {
    }

    record LabDates(Instant opensAt, Instant dueAt) {
    }

    static void register(RoutesConfig routes, CourseService courses, AccountService accounts, CourseAccess access,
                         LabCatalog catalog, Clock clock) {
        Views views = new Views(courses, access, catalog, clock);

        routes.get("/api/courses", ctx -> {
            Viewer viewer = Authn.viewer(ctx);
            List<Membership> mine = courses.coursesOf(viewer.id());
            List<CourseView> list = viewer.isAdmin()
                    ? courses.allCourses().stream().map(c -> views.summary(viewer, c, roleIn(mine, c))).toList()
                    : mine.stream().map(m -> views.summary(viewer, m.course(), Optional.of(m.role()))).toList();
            ctx.json(new CourseList(list));
        }, Access.SIGNED_IN);

        routes.post("/api/courses", ctx -> {
            Viewer viewer = Authn.viewer(ctx);
            CreateCourse request = Requests.body(ctx, CreateCourse.class);
            Optional<String> instructorEmail = Optional.ofNullable(request.instructorEmail()).filter(e -> !e.isBlank());
            if (instructorEmail.isPresent() && !viewer.isAdmin()) {
                throw new ApiException(403, "forbidden", "Only administrators can create a course for someone else.",
                        Map.of("field", "instructorEmail"));
            }
            Course course = courses.create(Authn.actor(ctx), request.code(), request.title(), instructorEmail);
            ctx.status(201).json(views.detail(viewer, course));
        }, Access.INSTRUCTOR);

        routes.post("/api/courses/join", ctx -> {
            JoinRequest request = Requests.body(ctx, JoinRequest.class);
            Membership membership = accounts.joinCourse(Authn.viewer(ctx).id(), request.joinCode(), Authn.address(ctx));
            ctx.json(MembershipView.of(membership));
        }, Access.SIGNED_IN);

        routes.get("/api/courses/{courseId}", ctx -> {
            Viewer viewer = Authn.viewer(ctx);
            ctx.json(views.detail(viewer, access.requireMember(viewer, Requests.id(ctx, "courseId"))));
        }, Access.SIGNED_IN);

        routes.post("/api/courses/{courseId}/join-code", ctx -> {
            Course course = instructorsCourse(ctx, access);
            ctx.json(views.detail(Authn.viewer(ctx), courses.regenerateJoinCode(course.id(), Authn.actor(ctx))));
        }, Access.SIGNED_IN);

        routes.get("/api/courses/{courseId}/members", ctx -> {
            Course course = instructorsCourse(ctx, access);
            ctx.json(new MemberList(courses.members(course.id()).stream().map(MemberView::of).toList()));
        }, Access.SIGNED_IN);

        routes.delete("/api/courses/{courseId}/students/{userId}", ctx -> {
            Course course = instructorsCourse(ctx, access);
            courses.removeStudent(course.id(), Requests.id(ctx, "userId"), Authn.actor(ctx));
            ctx.status(204);
        }, Access.SIGNED_IN);

        routes.post("/api/courses/{courseId}/invitations", ctx -> {
            Course course = instructorsCourse(ctx, access);
            InviteRequest request = Requests.body(ctx, InviteRequest.class);
            IssuedInvitation issued = courses.invite(course.id(), request.email(), courseRole(request.role()),
                    Authn.actor(ctx));
            ctx.status(201).json(new InvitationIssued(issued.token(), issued.invitation().email(),
                    issued.invitation().role().name(), issued.invitation().expiresAt()));
        }, Access.SIGNED_IN);

        routes.put("/api/courses/{courseId}/labs/{labId}", ctx -> {
            Course course = instructorsCourse(ctx, access);
            LabDates dates = Requests.body(ctx, LabDates.class);
            CourseLab lab = courses.setLab(course.id(), new CourseLab(ctx.pathParam("labId"), dates.opensAt(), dates.dueAt()),
                    Authn.actor(ctx));
            ctx.json(views.lab(lab, views.titles()));
        }, Access.SIGNED_IN);

        routes.delete("/api/courses/{courseId}/labs/{labId}", ctx -> {
            Course course = instructorsCourse(ctx, access);
            courses.removeLab(course.id(), ctx.pathParam("labId"), Authn.actor(ctx));
            ctx.status(204);
        }, Access.SIGNED_IN);
    }

    private static Course instructorsCourse(Context ctx, CourseAccess access) {
        return access.requireInstructor(Authn.viewer(ctx), Requests.id(ctx, "courseId"));
    }

    private static Optional<CourseRole> roleIn(List<Membership> memberships, Course course) {
        return memberships.stream().filter(m -> m.course().id() == course.id()).map(Membership::role).findFirst();
    }

    private static CourseRole courseRole(String raw) {
        if (raw == null || raw.isBlank()) {
            return CourseRole.STUDENT;
        }
        try {
            return CourseRole.valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("role must be STUDENT or INSTRUCTOR, got '" + raw + "'.", Map.of("field", "role"));
        }
    }

    /** Builds what the API returns about courses and their labs. */
    private record Views(CourseService courses, CourseAccess access, LabCatalog catalog, Clock clock) {
        CourseView summary(Viewer viewer, Course course, Optional<CourseRole> role) {
            boolean manages = viewer.isAdmin() || role.filter(r -> r == CourseRole.INSTRUCTOR).isPresent();
            return new CourseView(course.id(), course.code(), course.title(), role.map(Enum::name).orElse(null), manages,
                    manages ? course.joinCode() : null, null);
        }

        CourseView detail(Viewer viewer, Course course) {
            CourseView summary = summary(viewer, course, access.roleIn(viewer, course.id()));
            Map<String, String> titles = titles();
            List<LabView> labs = courses.labs(course.id()).stream().map(l -> lab(l, titles)).toList();
            return new CourseView(summary.id(), summary.code(), summary.title(), summary.role(), summary.canManage(),
                    summary.joinCode(), labs);
        }

        Map<String, String> titles() {
            return catalog.list().labs().stream()
                    .collect(Collectors.toMap(LabCatalog.LabSummary::id, LabCatalog.LabSummary::title, (a, b) -> a));
        }

        /** A lab whose folder was removed since keeps its id as its title, so the course page still shows it. */
        LabView lab(CourseLab lab, Map<String, String> titles) {
            Instant now = clock.instant();
            String status = lab.opensAt() != null && now.isBefore(lab.opensAt()) ? "upcoming"
                    : lab.dueAt() != null && !now.isBefore(lab.dueAt()) ? "closed" : "open";
            return new LabView(lab.labId(), titles.getOrDefault(lab.labId(), lab.labId()), lab.opensAt(), lab.dueAt(), status);
        }
    }
}
