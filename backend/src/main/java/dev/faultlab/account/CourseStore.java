package dev.faultlab.account;

import dev.faultlab.store.db.tables.records.CoursesRecord;
import org.jooq.DSLContext;

import java.util.List;
import java.util.Optional;

import static dev.faultlab.store.db.Tables.COURSES;
import static dev.faultlab.store.db.Tables.ENROLLMENTS;

/** The courses table and who belongs to which course (enrollments). */
final class CourseStore {
    private final DSLContext sql;

    CourseStore(DSLContext sql) {
        this.sql = sql;
    }

    /** Empty when the code (or, very rarely, the join code) is already taken. */
    Optional<Course> insert(String code, String title, String joinCode, long createdBy) {
        return sql.insertInto(COURSES)
                .set(COURSES.CODE, code)
                .set(COURSES.TITLE, title)
                .set(COURSES.JOIN_CODE, joinCode)
                .set(COURSES.CREATED_BY, createdBy)
                .onConflictDoNothing()
                .returning()
                .fetchOptional()
                .map(CourseStore::toCourse);
    }

    Optional<Course> byId(long id) {
        return sql.selectFrom(COURSES).where(COURSES.ID.eq(id)).fetchOptional(CourseStore::toCourse);
    }

    Optional<Course> byCode(String code) {
        return sql.selectFrom(COURSES).where(COURSES.CODE.eq(code)).fetchOptional(CourseStore::toCourse);
    }

    Optional<Course> byJoinCode(String joinCode) {
        return sql.selectFrom(COURSES).where(COURSES.JOIN_CODE.eq(joinCode)).fetchOptional(CourseStore::toCourse);
    }

    /** False when another course already has this join code. */
    boolean setJoinCode(long courseId, String joinCode) {
        return sql.update(COURSES).set(COURSES.JOIN_CODE, joinCode)
                .where(COURSES.ID.eq(courseId))
                .andNotExists(sql.selectOne().from(COURSES).where(COURSES.JOIN_CODE.eq(joinCode)))
                .execute() == 1;
    }

    List<Course> all() {
        return sql.selectFrom(COURSES).orderBy(COURSES.CODE).fetch(CourseStore::toCourse);
    }

    List<Membership> membershipsOf(long userId) {
        return sql.select(COURSES.asterisk(), ENROLLMENTS.ROLE)
                .from(ENROLLMENTS).join(COURSES).on(COURSES.ID.eq(ENROLLMENTS.COURSE_ID))
                .where(ENROLLMENTS.USER_ID.eq(userId))
                .orderBy(COURSES.CODE)
                .fetch(r -> new Membership(toCourse(r.into(COURSES)), CourseRole.valueOf(r.get(ENROLLMENTS.ROLE))));
    }

    static Course toCourse(CoursesRecord r) {
        return new Course(r.getId(), r.getCode(), r.getTitle(), r.getJoinCode(), Times.instant(r.getCreatedAt()));
    }
}
