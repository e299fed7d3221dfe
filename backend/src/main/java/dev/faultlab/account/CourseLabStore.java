package dev.faultlab.account;

import org.jooq.DSLContext;

import java.util.List;

import static dev.faultlab.store.db.Tables.COURSE_LABS;

/** Which labs a course uses, and when each opens and is due. */
final class CourseLabStore {
    private final DSLContext sql;

    CourseLabStore(DSLContext sql) {
        this.sql = sql;
    }

    void put(long courseId, CourseLab lab) {
        sql.insertInto(COURSE_LABS)
                .set(COURSE_LABS.COURSE_ID, courseId)
                .set(COURSE_LABS.LAB_ID, lab.labId())
                .set(COURSE_LABS.OPENS_AT, Times.utc(lab.opensAt()))
                .set(COURSE_LABS.DUE_AT, Times.utc(lab.dueAt()))
                .onConflict(COURSE_LABS.COURSE_ID, COURSE_LABS.LAB_ID).doUpdate()
                .set(COURSE_LABS.OPENS_AT, Times.utc(lab.opensAt()))
                .set(COURSE_LABS.DUE_AT, Times.utc(lab.dueAt()))
                .execute();
    }

    boolean remove(long courseId, String labId) {
        return sql.deleteFrom(COURSE_LABS)
                .where(COURSE_LABS.COURSE_ID.eq(courseId), COURSE_LABS.LAB_ID.eq(labId)).execute() == 1;
    }

    /** Ordered by due date (undated last), then lab id, which is how students plan their work. */
    List<CourseLab> of(long courseId) {
        return sql.selectFrom(COURSE_LABS).where(COURSE_LABS.COURSE_ID.eq(courseId))
                .orderBy(COURSE_LABS.DUE_AT.asc().nullsLast(), COURSE_LABS.LAB_ID)
                .fetch(r -> new CourseLab(r.getLabId(), Times.instant(r.getOpensAt()), Times.instant(r.getDueAt())));
    }
}
