package dev.faultlab.account;

import dev.faultlab.lab.LabCatalog;
import org.jooq.DSLContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * FAULTLAB_DEMO: a demo course with an instructor and three students whose passwords are public, so a class can
 * try FaultLab in minutes. Safe to run at every start: what exists is kept as it is (a changed password stays).
 */
public final class DemoSeed {
    public static final String COURSE_CODE = "DEMO-101";
    public static final String COURSE_TITLE = "Fault tolerance (demo course)";

    /** A demo login; the password is public by design. */
    public record DemoAccount(String email, String displayName, String password, CourseRole role) {
    }

    public static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("instructor@demo.faultlab.local", "Dana Demo (instructor)", "demo-instructor", CourseRole.INSTRUCTOR),
            new DemoAccount("student1@demo.faultlab.local", "Ada Demo", "demo-student-1", CourseRole.STUDENT),
            new DemoAccount("student2@demo.faultlab.local", "Ben Demo", "demo-student-2", CourseRole.STUDENT),
            new DemoAccount("student3@demo.faultlab.local", "Cleo Demo", "demo-student-3", CourseRole.STUDENT));

    /** What the demo consists of, for the start-up log. */
    public record Seeded(Course course, List<DemoAccount> accounts) {
    }

    private final DSLContext sql;
    private final PasswordHasher hasher;
    private final LabCatalog labs;
    private final Clock clock;

    public DemoSeed(DSLContext sql, PasswordHasher hasher, LabCatalog labs, Clock clock) {
        this.sql = sql;
        this.hasher = hasher;
        this.labs = labs;
        this.clock = clock;
    }

    public Seeded seed() {
        return sql.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            UserStore users = new UserStore(db);
            AuditLog audit = new AuditLog(db);
            for (DemoAccount account : ACCOUNTS) {
                boolean instructor = account.role() == CourseRole.INSTRUCTOR;
                Optional<User> existing = users.byEmail(account.email());
                if (existing.isEmpty()) {
                    users.insert(account.email(), account.displayName(), hasher.hash(account.password()), false, instructor);
                    audit.record(Actor.system(), AuditAction.SIGNED_UP, account.email(), Map.of("via", "demo"));
                }
            }
            long instructorId = users.byEmail(ACCOUNTS.get(0).email()).orElseThrow().id();
            CourseStore courses = new CourseStore(db);
            Optional<Course> existingCourse = courses.byCode(COURSE_CODE);
            Course course = existingCourse.orElseGet(() ->
                    courses.insert(COURSE_CODE, COURSE_TITLE, Tokens.newJoinCode(), instructorId).orElseThrow());
            if (existingCourse.isEmpty()) {
                audit.record(Actor.system(), AuditAction.COURSE_CREATED, "course:" + course.id(),
                        Map.of("code", COURSE_CODE, "title", COURSE_TITLE, "instructorId", instructorId, "via", "demo"));
                addCatalogLabs(db, course.id());
            }
            EnrollmentStore enrollments = new EnrollmentStore(db);
            for (DemoAccount account : ACCOUNTS) {
                long userId = users.byEmail(account.email()).orElseThrow().id();
                if (enrollments.enroll(course.id(), userId, account.role())) {
                    audit.record(Actor.system(), AuditAction.ENROLLED, "course:" + course.id(),
                            Map.of("userId", userId, "role", account.role().name(), "via", "demo"));
                }
            }
            return new Seeded(course, ACCOUNTS);
        });
    }

    /** Every lab installed now, open from today and due in a week, so students see something to do. */
    private void addCatalogLabs(DSLContext db, long courseId) {
        Instant opens = clock.instant().truncatedTo(ChronoUnit.DAYS);
        CourseLabStore courseLabs = new CourseLabStore(db);
        labs.list().labs().forEach(lab -> courseLabs.put(courseId, new CourseLab(lab.id(), opens, opens.plus(Duration.ofDays(7)))));
    }
}
