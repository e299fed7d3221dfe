package dev.faultlab.grading;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultlab.account.Course;
import dev.faultlab.account.CourseLab;
import dev.faultlab.account.CourseRole;
import org.jooq.DSLContext;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The statements of a submit, in its transaction: fixed SQL sent as prepared statements, so nothing is rendered per
 * request and PostgreSQL plans each once per connection. Every one is an index lookup whose cost does not grow with
 * the student's history beyond one exercise's attempts (at most its maxAttempts).
 */
final class SubmitStatements {
    /**
     * The course, the student's role in it (their enrollment row locked: one submit at a time per student and
     * course, so two at once cannot take the same attempt) and the course's dates for the lab.
     */
    private static final String SEAT = """
            select c.id, c.code, c.title, c.join_code, c.created_at,
                   (select e.role from enrollments e where e.course_id = c.id and e.user_id = ? for update) as role,
                   cl.lab_id, cl.opens_at, cl.due_at
              from courses c left join course_labs cl on cl.course_id = c.id and cl.lab_id = ?
             where c.id = ?""";

    private static final String HISTORY = """
            select count(*), max(s.points), coalesce(bool_or(s.score >= 1), false),
                   (select r.id from submissions r
                     where r.user_id = ? and r.course_id = ? and r.lab_id = ? and r.exercise_id = ? and r.client_id = ?)
              from submissions s
             where s.user_id = ? and s.course_id = ? and s.lab_id = ? and s.exercise_id = ?""";

    /** The newest answer to each of the given exercises, one index probe per exercise. */
    private static final String LATEST_ANSWERS = """
            select e.exercise_id, s.answer
              from unnest(?) as e(exercise_id)
              cross join lateral (select answer from submissions
                                   where user_id = ? and course_id = ? and lab_id = ? and exercise_id = e.exercise_id
                                   order by attempt desc limit 1) s""";

    /** The submitted answer supersedes the draft it came from, in the same statement. */
    private static final String INSERT = """
            with draft as (delete from drafts where course_id = ? and user_id = ? and lab_id = ? and exercise_id = ?)
            insert into submissions (course_id, user_id, lab_id, lab_version, exercise_id, attempt, client_id, answer,
                                     score, points, cells, row_grades, feedback_level, feedback, grader_version,
                                     submitted_at)
            values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?, ?, ?)
            returning id""";

    /** What the locking read found; empty parts mean no such course, no enrollment, or a lab the course does not use. */
    record Seat(Optional<Course> course, Optional<CourseRole> role, Optional<CourseLab> dates) {
    }

    private final DSLContext sql;

    SubmitStatements(DSLContext sql) {
        this.sql = sql;
    }

    Seat seat(long courseId, long userId, String labId) {
        return sql.connectionResult(c -> {
            try (PreparedStatement s = c.prepareStatement(SEAT)) {
                s.setLong(1, userId);
                s.setString(2, labId);
                s.setLong(3, courseId);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return new Seat(Optional.empty(), Optional.empty(), Optional.empty());
                    }
                    Course course = new Course(r.getLong(1), r.getString(2), r.getString(3), r.getString(4),
                            r.getObject(5, OffsetDateTime.class).toInstant());
                    Optional<CourseRole> role = Optional.ofNullable(r.getString(6)).map(CourseRole::valueOf);
                    String lab = r.getString(7);
                    Optional<CourseLab> dates = lab == null ? Optional.empty()
                            : Optional.of(new CourseLab(lab, instant(r, 8), instant(r, 9)));
                    return new Seat(Optional.of(course), role, dates);
                }
            }
        });
    }

    ExerciseHistory history(long courseId, long userId, String labId, String exerciseId, UUID clientId) {
        return sql.connectionResult(c -> {
            try (PreparedStatement s = c.prepareStatement(HISTORY)) {
                s.setLong(1, userId);
                s.setLong(2, courseId);
                s.setString(3, labId);
                s.setString(4, exerciseId);
                s.setObject(5, clientId);
                s.setLong(6, userId);
                s.setLong(7, courseId);
                s.setString(8, labId);
                s.setString(9, exerciseId);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    double best = r.getDouble(2);
                    Double bestPoints = r.wasNull() ? null : best;
                    boolean fullMarks = r.getBoolean(3);
                    long retried = r.getLong(4);
                    Long retriedId = r.wasNull() ? null : retried;
                    return new ExerciseHistory(r.getInt(1), bestPoints, fullMarks, retriedId);
                }
            }
        });
    }

    /** By exercise id; exercises never submitted are absent. */
    Map<String, JsonNode> latestAnswers(long courseId, long userId, String labId, List<String> exerciseIds) {
        return sql.connectionResult(c -> {
            try (PreparedStatement s = c.prepareStatement(LATEST_ANSWERS)) {
                s.setArray(1, c.createArrayOf("text", exerciseIds.toArray()));
                s.setLong(2, userId);
                s.setLong(3, courseId);
                s.setString(4, labId);
                Map<String, JsonNode> answers = new LinkedHashMap<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        answers.put(r.getString(1), SubmissionStore.read(r.getString(2)));
                    }
                }
                return answers;
            }
        });
    }

    /** Stores the graded submission (its {@code answerJson} as already written) and returns its id. */
    long insert(Submission s, String answerJson) {
        return sql.connectionResult(c -> {
            try (PreparedStatement p = c.prepareStatement(INSERT)) {
                p.setLong(1, s.courseId());
                p.setLong(2, s.userId());
                p.setString(3, s.labId());
                p.setString(4, s.exerciseId());
                p.setLong(5, s.courseId());
                p.setLong(6, s.userId());
                p.setString(7, s.labId());
                p.setString(8, s.labVersion());
                p.setString(9, s.exerciseId());
                p.setInt(10, s.attempt());
                p.setObject(11, s.clientId());
                p.setString(12, answerJson);
                p.setDouble(13, s.grade().score());
                p.setDouble(14, s.points());
                p.setString(15, SubmissionStore.json(s.grade().cells()));
                p.setString(16, SubmissionStore.json(s.grade().rows()));
                p.setString(17, s.grade().level().name());
                p.setString(18, s.grade().feedback());
                p.setString(19, s.graderVersion());
                p.setObject(20, SubmissionStore.utc(s.submittedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                }
            }
        });
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        OffsetDateTime time = r.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
