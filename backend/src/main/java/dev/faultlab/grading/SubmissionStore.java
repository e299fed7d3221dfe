package dev.faultlab.grading;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.faultlab.lab.FeedbackLevel;
import dev.faultlab.lab.Grade;
import dev.faultlab.store.db.tables.records.SubmissionsRecord;
import org.jooq.DSLContext;
import org.jooq.JSONB;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static dev.faultlab.store.db.Tables.SUBMISSIONS;

/** Graded submissions, in the order they were made. */
final class SubmissionStore {
    /**
     * Answers stored before the API bounded their depth (docs/API.md) may nest a thousand levels, deeper than a lab
     * sheet can be written with them inside; read deeper than this, an answer shows as null instead.
     */
    static final int MAX_ANSWER_DEPTH = 64;
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_ANSWER_DEPTH).build()).build());
    private static final TypeReference<List<Grade.CellGrade>> CELLS = new TypeReference<>() {
    };
    private static final TypeReference<List<Grade.RowGrade>> ROWS = new TypeReference<>() {
    };

    private final DSLContext sql;

    SubmissionStore(DSLContext sql) {
        this.sql = sql;
    }

    Optional<Submission> byClientId(long courseId, long userId, String labId, String exerciseId, UUID clientId) {
        return sql.selectFrom(SUBMISSIONS)
                .where(SUBMISSIONS.COURSE_ID.eq(courseId), SUBMISSIONS.USER_ID.eq(userId),
                        SUBMISSIONS.LAB_ID.eq(labId), SUBMISSIONS.EXERCISE_ID.eq(exerciseId),
                        SUBMISSIONS.CLIENT_ID.eq(clientId))
                .fetchOptional(SubmissionStore::toSubmission);
    }

    /** One student's submissions to a lab, oldest first. */
    List<Submission> of(long courseId, long userId, String labId) {
        return sql.selectFrom(SUBMISSIONS)
                .where(SUBMISSIONS.COURSE_ID.eq(courseId), SUBMISSIONS.USER_ID.eq(userId), SUBMISSIONS.LAB_ID.eq(labId))
                .orderBy(SUBMISSIONS.ID)
                .fetch(SubmissionStore::toSubmission);
    }

    /** Every submission to a lab of a course, oldest first; {@code forUpdate} locks them for a regrade. */
    List<Submission> ofLab(long courseId, String labId, boolean forUpdate) {
        var query = sql.selectFrom(SUBMISSIONS)
                .where(SUBMISSIONS.COURSE_ID.eq(courseId), SUBMISSIONS.LAB_ID.eq(labId))
                .orderBy(SUBMISSIONS.ID);
        return (forUpdate ? query.forUpdate() : query).fetch(SubmissionStore::toSubmission);
    }

    /** Every submission in a course, oldest first. */
    List<Submission> ofCourse(long courseId) {
        return sql.selectFrom(SUBMISSIONS).where(SUBMISSIONS.COURSE_ID.eq(courseId))
                .orderBy(SUBMISSIONS.ID)
                .fetch(SubmissionStore::toSubmission);
    }

    void updateGrade(Submission s) {
        sql.update(SUBMISSIONS)
                .set(SUBMISSIONS.LAB_VERSION, s.labVersion())
                .set(SUBMISSIONS.SCORE, s.grade().score())
                .set(SUBMISSIONS.POINTS, s.points())
                .set(SUBMISSIONS.CELLS, jsonb(s.grade().cells()))
                .set(SUBMISSIONS.ROW_GRADES, jsonb(s.grade().rows()))
                .set(SUBMISSIONS.FEEDBACK_LEVEL, s.grade().level().name())
                .set(SUBMISSIONS.FEEDBACK, s.grade().feedback() == null ? "" : s.grade().feedback())
                .set(SUBMISSIONS.GRADER_VERSION, s.graderVersion())
                .set(SUBMISSIONS.REGRADED_AT, utc(s.regradedAt()))
                .where(SUBMISSIONS.ID.eq(s.id()))
                .execute();
    }

    private static Submission toSubmission(SubmissionsRecord r) {
        Grade grade = new Grade(r.getScore(), read(r.getCells(), CELLS), r.getFeedback(), read(r.getRowGrades(), ROWS),
                FeedbackLevel.valueOf(r.getFeedbackLevel()));
        return new Submission(r.getId(), r.getCourseId(), r.getUserId(), r.getLabId(), r.getLabVersion(),
                r.getExerciseId(), r.getAttempt(), r.getClientId(), read(r.getAnswer()), grade, r.getPoints(),
                r.getGraderVersion(), instant(r.getSubmittedAt()), instant(r.getRegradedAt()));
    }

    static JSONB jsonb(Object value) {
        return JSONB.valueOf(json(value));
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON-able: " + value, e);
        }
    }

    static JsonNode read(JSONB value) {
        return read(value.data());
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (StreamConstraintsException e) {
            return NullNode.getInstance();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a jsonb column holds invalid JSON", e);
        }
    }

    private static <T> T read(JSONB value, TypeReference<T> type) {
        try {
            return JSON.readValue(value.data(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a grade's cells or rows hold unexpected JSON", e);
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
