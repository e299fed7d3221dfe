package dev.faultlab.grading;

import org.jooq.DSLContext;

import java.util.List;

import static dev.faultlab.store.db.Tables.DRAFTS;

/** The newest unsubmitted answer of each student to each exercise. */
final class DraftStore {
    private final DSLContext sql;

    DraftStore(DSLContext sql) {
        this.sql = sql;
    }

    void put(long courseId, long userId, String labId, Draft draft) {
        sql.insertInto(DRAFTS)
                .set(DRAFTS.COURSE_ID, courseId)
                .set(DRAFTS.USER_ID, userId)
                .set(DRAFTS.LAB_ID, labId)
                .set(DRAFTS.EXERCISE_ID, draft.exerciseId())
                .set(DRAFTS.ANSWER, SubmissionStore.jsonb(draft.answer()))
                .set(DRAFTS.SAVED_AT, SubmissionStore.utc(draft.savedAt()))
                .onConflict(DRAFTS.COURSE_ID, DRAFTS.USER_ID, DRAFTS.LAB_ID, DRAFTS.EXERCISE_ID).doUpdate()
                .set(DRAFTS.ANSWER, SubmissionStore.jsonb(draft.answer()))
                .set(DRAFTS.SAVED_AT, SubmissionStore.utc(draft.savedAt()))
                .execute();
    }

    List<Draft> of(long courseId, long userId, String labId) {
        return sql.selectFrom(DRAFTS)
                .where(DRAFTS.COURSE_ID.eq(courseId), DRAFTS.USER_ID.eq(userId), DRAFTS.LAB_ID.eq(labId))
                .fetch(r -> new Draft(r.getExerciseId(), SubmissionStore.read(r.getAnswer()),
                        SubmissionStore.instant(r.getSavedAt())));
    }

    /** A submitted answer supersedes the draft it came from. */
    void remove(long courseId, long userId, String labId, String exerciseId) {
        sql.deleteFrom(DRAFTS)
                .where(DRAFTS.COURSE_ID.eq(courseId), DRAFTS.USER_ID.eq(userId), DRAFTS.LAB_ID.eq(labId),
                        DRAFTS.EXERCISE_ID.eq(exerciseId))
                .execute();
    }
}
