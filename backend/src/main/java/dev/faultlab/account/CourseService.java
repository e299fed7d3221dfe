package dev.faultlab.account;

import dev.faultlab.lab.LabCatalog;
import org.jooq.DSLContext;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Courses and what their instructors do with them: join codes, students, invitations and the labs in use.
 * Callers have checked that the actor may act on the course (the web layer's CourseAccess); every change is audited.
 */
public final class CourseService {
    public static final Duration INVITATION_LIFETIME = Duration.ofDays(14);
    private static final int JOIN_CODE_TRIES = 5;

    private final DSLContext sql;
    private final LabCatalog labs;
    private final Clock clock;

    public CourseService(DSLContext sql, LabCatalog labs, Clock clock) {
        this.sql = sql;
        this.labs = labs;
        this.clock = clock;
    }

    /**
     * Creates a course taught by {@code instructorEmail} (an administrator creating it for someone) or else by
     * the actor, who must be a user.
     */
    public Course create(Actor actor, String rawCode, String rawTitle, Optional<String> instructorEmail) {
        String code = Inputs.courseCode("code", rawCode);
        String title = Inputs.courseTitle("title", rawTitle);
        return sql.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            long instructorId = instructorEmail.isPresent()
                    ? new UserStore(db).byEmail(Inputs.email("instructorEmail", instructorEmail.get()))
                            .orElseThrow(() -> AccountException.invalid("instructorEmail", "No account has this email address."))
                            .id()
                    : actor.userId().orElseThrow();
            CourseStore courses = new CourseStore(db);
            Course course = insertWithFreshJoinCode(courses, code, title, actor.userId().orElseThrow());
            AuditLog audit = new AuditLog(db);
            audit.record(actor, AuditAction.COURSE_CREATED, "course:" + course.id(),
                    Map.of("code", code, "title", title, "instructorId", instructorId));
            new EnrollmentStore(db).enroll(course.id(), instructorId, CourseRole.INSTRUCTOR);
            audit.record(actor, AuditAction.ENROLLED, "course:" + course.id(),
                    Map.of("userId", instructorId, "role", CourseRole.INSTRUCTOR.name(), "via", "course_creation"));
            return course;
        });
    }

    public Optional<Course> course(long courseId) {
        return new CourseStore(sql).byId(courseId);
    }

    public Optional<CourseRole> roleOf(long courseId, long userId) {
        return new EnrollmentStore(sql).roleOf(courseId, userId);
    }

    public List<Membership> coursesOf(long userId) {
        return new CourseStore(sql).membershipsOf(userId);
    }

    public List<Course> allCourses() {
        return new CourseStore(sql).all();
    }

    public List<Member> members(long courseId) {
        return new EnrollmentStore(sql).members(courseId);
    }

    /** Replaces the join code: the old one stops working at once (e.g. after it was posted publicly). */
    public Course regenerateJoinCode(long courseId, Actor actor) {
        return sql.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            CourseStore courses = new CourseStore(db);
            for (int i = 0; i < JOIN_CODE_TRIES; i++) {
                if (courses.setJoinCode(courseId, Tokens.newJoinCode())) {
                    new AuditLog(db).record(actor, AuditAction.JOIN_CODE_REGENERATED, "course:" + courseId, Map.of());
                    return courses.byId(courseId).orElseThrow();
                }
            }
            throw new IllegalStateException("No free join code after " + JOIN_CODE_TRIES + " tries");
        });
    }

    public void removeStudent(long courseId, long userId, Actor actor) {
        sql.transaction(tx -> {
            if (!new EnrollmentStore(tx.dsl()).remove(courseId, userId, CourseRole.STUDENT)) {
                throw AccountException.notFound("This person is not a student of the course.");
            }
            new AuditLog(tx.dsl()).record(actor, AuditAction.ENROLLMENT_REMOVED, "course:" + courseId,
                    Map.of("userId", userId, "role", CourseRole.STUDENT.name()));
        });
    }

    public IssuedInvitation invite(long courseId, String rawEmail, CourseRole role, Actor actor) {
        String email = Inputs.email("email", rawEmail);
        String token = Tokens.newToken();
        Invitation invitation = new Invitation(courseId, email, role, clock.instant().plus(INVITATION_LIFETIME), false);
        sql.transaction(tx -> {
            new InvitationStore(tx.dsl()).insert(token, invitation, actor.userId().orElseThrow());
            new AuditLog(tx.dsl()).record(actor, AuditAction.INVITATION_CREATED, "course:" + courseId,
                    Map.of("email", email, "role", role.name()));
        });
        return new IssuedInvitation(token, invitation);
    }

    public List<CourseLab> labs(long courseId) {
        return new CourseLabStore(sql).of(courseId);
    }

    /** Adds a lab of the catalog to the course, or changes its dates. */
    public CourseLab setLab(long courseId, CourseLab lab, Actor actor) {
        boolean known = labs.list().labs().stream().anyMatch(l -> l.id().equals(lab.labId()));
        if (!known) {
            throw new AccountException(AccountException.Problem.NOT_FOUND,
                    "There is no lab '" + lab.labId() + "' in the catalog.", Map.of("field", "labId"));
        }
        if (lab.opensAt() != null && lab.dueAt() != null && !lab.dueAt().isAfter(lab.opensAt())) {
            throw AccountException.invalid("dueAt", "The due date must come after the opening date.");
        }
        sql.transaction(tx -> {
            new CourseLabStore(tx.dsl()).put(courseId, lab);
            Map<String, Object> details = new HashMap<>();
            details.put("labId", lab.labId());
            details.put("opensAt", lab.opensAt() == null ? null : lab.opensAt().toString());
            details.put("dueAt", lab.dueAt() == null ? null : lab.dueAt().toString());
            new AuditLog(tx.dsl()).record(actor, AuditAction.COURSE_LAB_SET, "course:" + courseId, details);
        });
        return lab;
    }

    public void removeLab(long courseId, String labId, Actor actor) {
        sql.transaction(tx -> {
            if (!new CourseLabStore(tx.dsl()).remove(courseId, labId)) {
                throw AccountException.notFound("The course does not use a lab '" + labId + "'.");
            }
            new AuditLog(tx.dsl()).record(actor, AuditAction.COURSE_LAB_REMOVED, "course:" + courseId,
                    Map.of("labId", labId));
        });
    }

    private static Course insertWithFreshJoinCode(CourseStore courses, String code, String title, long createdBy) {
        for (int i = 0; i < JOIN_CODE_TRIES; i++) {
            Optional<Course> course = courses.insert(code, title, Tokens.newJoinCode(), createdBy);
            if (course.isPresent()) {
                return course.get();
            }
            if (courses.byCode(code).isPresent()) {
                throw AccountException.conflict("code", "A course with the code " + code + " exists already.");
            }
        }
        throw new IllegalStateException("No free join code after " + JOIN_CODE_TRIES + " tries");
    }
}
