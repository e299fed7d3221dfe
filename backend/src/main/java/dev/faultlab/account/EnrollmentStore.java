package dev.faultlab.account;

import org.jooq.DSLContext;

import java.util.List;
import java.util.Optional;

import static dev.faultlab.store.db.Tables.ENROLLMENTS;
import static dev.faultlab.store.db.Tables.USERS;

/** Who is in which course, in which role. */
final class EnrollmentStore {
    private final DSLContext sql;

    EnrollmentStore(DSLContext sql) {
        this.sql = sql;
    }

    Optional<CourseRole> roleOf(long courseId, long userId) {
        return sql.select(ENROLLMENTS.ROLE).from(ENROLLMENTS)
                .where(ENROLLMENTS.COURSE_ID.eq(courseId), ENROLLMENTS.USER_ID.eq(userId))
                .fetchOptional(r -> CourseRole.valueOf(r.value1()));
    }

    /** Adds the person; someone already in the course keeps the role they have. True when they were added. */
    boolean enroll(long courseId, long userId, CourseRole role) {
        return sql.insertInto(ENROLLMENTS)
                .set(ENROLLMENTS.COURSE_ID, courseId)
                .set(ENROLLMENTS.USER_ID, userId)
                .set(ENROLLMENTS.ROLE, role.name())
                .onConflictDoNothing()
                .execute() == 1;
    }

    /** Makes an existing member an instructor (an instructor's invitation to a student of the course). */
    void promote(long courseId, long userId) {
        sql.update(ENROLLMENTS).set(ENROLLMENTS.ROLE, CourseRole.INSTRUCTOR.name())
                .where(ENROLLMENTS.COURSE_ID.eq(courseId), ENROLLMENTS.USER_ID.eq(userId)).execute();
    }

    boolean remove(long courseId, long userId, CourseRole role) {
        return sql.deleteFrom(ENROLLMENTS)
                .where(ENROLLMENTS.COURSE_ID.eq(courseId), ENROLLMENTS.USER_ID.eq(userId),
                        ENROLLMENTS.ROLE.eq(role.name()))
                .execute() == 1;
    }

    List<Member> members(long courseId) {
        return sql.select(USERS.ID, USERS.EMAIL, USERS.DISPLAY_NAME, ENROLLMENTS.ROLE, ENROLLMENTS.ENROLLED_AT)
                .from(ENROLLMENTS).join(USERS).on(USERS.ID.eq(ENROLLMENTS.USER_ID))
                .where(ENROLLMENTS.COURSE_ID.eq(courseId))
                .orderBy(ENROLLMENTS.ROLE.asc(), USERS.DISPLAY_NAME, USERS.EMAIL)
                .fetch(r -> new Member(r.value1(), r.value2(), r.value3(), CourseRole.valueOf(r.value4()),
                        Times.instant(r.value5())));
    }
}
