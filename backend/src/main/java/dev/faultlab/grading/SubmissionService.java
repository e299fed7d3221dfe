package dev.faultlab.grading;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultlab.account.Actor;
import dev.faultlab.account.AuditAction;
import dev.faultlab.account.AuditLog;
import dev.faultlab.account.Course;
import dev.faultlab.lab.Exercise;
import dev.faultlab.lab.Grade;
import dev.faultlab.lab.InvalidAnswer;
import dev.faultlab.lab.LabGrading;
import org.jooq.DSLContext;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static dev.faultlab.store.db.Tables.ENROLLMENTS;

/**
 * A student's answers: drafts saved as they type, and submissions graded at once. A submission is validated,
 * graded, stored and audited in one transaction; callers have checked that the student belongs to the course.
 */
public final class SubmissionService {
    private final DSLContext sql;
    private final CourseLabs labs;
    private final LabGrading grading;
    private final ExerciseProgress progress;
    private final Clock clock;

    SubmissionService(DSLContext sql, CourseLabs labs, LabGrading grading, Clock clock) {
        this.sql = sql;
        this.labs = labs;
        this.grading = grading;
        this.progress = new ExerciseProgress(grading);
        this.clock = clock;
    }

    public void saveDraft(Course course, String labId, String exerciseId, long studentId, JsonNode answer) {
        LabInCourse lab = labs.resolve(course, labId);
        Exercise exercise = lab.exercise(exerciseId);
        Answers.require(answer);
        Instant now = now();
        lab.requireTakingAnswers(now);
        new DraftStore(sql).put(course.id(), studentId, labId, new Draft(exercise.id(), answer, now));
    }

    /**
     * Grades and stores the answer. A retry with the same {@code clientId} and answer returns the stored result
     * and uses no attempt, even after the due date; the same id with another answer is refused.
     */
    public SubmitResult submit(Course course, String labId, String exerciseId, long studentId, UUID clientId,
                               JsonNode answer, Actor actor) {
        if (clientId == null) {
            throw GradingException.invalid("submissionId", "Give the submission a submissionId (a UUID chosen by the browser).");
        }
        LabInCourse lab = labs.resolve(course, labId);
        Exercise exercise = lab.exercise(exerciseId);
        Answers.require(answer);
        return sql.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            lockStudent(db, course.id(), studentId);
            SubmissionStore store = new SubmissionStore(db);
            Instant now = now();
            Optional<Submission> earlier = store.byClientId(course.id(), studentId, labId, exerciseId, clientId);
            List<Submission> submissions = store.of(course.id(), studentId, labId);
            List<Draft> drafts = new DraftStore(db).of(course.id(), studentId, labId);
            if (earlier.isPresent()) {
                requireSameAnswer(earlier.get(), answer);
                return result(lab, exercise, studentId, earlier.get(), StudentWork.of(submissions, drafts), now);
            }
            lab.requireTakingAnswers(now);
            StudentWork work = StudentWork.of(submissions, List.of());
            int attempt = work.of(exerciseId).size();
            if (attempt >= exercise.policy().maxAttempts()) {
                throw GradingException.conflict("no_attempts_left", "You have used all "
                        + exercise.policy().maxAttempts() + " attempts at this exercise.");
            }
            Grade grade = grade(lab, exercise, studentId, attempt, answer, work.otherAnswers(exerciseId, Long.MAX_VALUE));
            double points = Scoring.points(exercise.points(), grade.score(), exercise.policy().penaltyPerAttempt(), attempt);
            Submission stored = store.insert(new Submission(0, course.id(), studentId, labId, lab.lab().version(),
                    exerciseId, attempt, clientId, answer, grade, points, LabGrading.GRADER_VERSION, now, null));
            new DraftStore(db).remove(course.id(), studentId, labId, exerciseId);
            new AuditLog(db).record(actor, AuditAction.SUBMISSION_GRADED, "course:" + course.id(), audited(stored));
            // The work as it now stands, without reading it back: the new submission in, this exercise's draft out.
            List<Submission> withStored = new ArrayList<>(submissions);
            withStored.add(stored);
            List<Draft> otherDrafts = drafts.stream().filter(d -> !d.exerciseId().equals(exerciseId)).toList();
            return result(lab, exercise, studentId, stored, StudentWork.of(withStored, otherDrafts), now);
        });
    }

    private Grade grade(LabInCourse lab, Exercise exercise, long studentId, int attempt, JsonNode answer,
                        Map<String, JsonNode> otherAnswers) {
        try {
            return grading.grade(lab.lab(), lab.variantOf(studentId), exercise.id(), attempt, answer, otherAnswers);
        } catch (InvalidAnswer e) {
            throw unreadable(e);
        }
    }

    /** 422 with every problem listed; such an answer uses no attempt. */
    static GradingException unreadable(InvalidAnswer e) {
        return new GradingException(GradingException.Problem.UNPROCESSABLE, "invalid_answer",
                "The answer cannot be read: " + e.getMessage() + ". It used no attempt.", Map.of("problems", e.problems()));
    }

    private static void requireSameAnswer(Submission earlier, JsonNode answer) {
        if (!Answers.same(earlier.answer(), answer)) {
            throw GradingException.conflict("submission_id_reused", "This submissionId was used for another answer; "
                    + "give each new submission a new id.");
        }
    }

    private SubmitResult result(LabInCourse lab, Exercise exercise, long studentId, Submission submission,
                                StudentWork work, Instant now) {
        Progress current = progress.of(lab, studentId, exercise, work, now, false);
        return new SubmitResult(SubmitResult.SubmissionView.of(submission, current.revealed() != null), current);
    }

    /** One submit at a time per student and course, so two at once cannot both take the same attempt. */
    private static void lockStudent(DSLContext db, long courseId, long studentId) {
        db.selectOne().from(ENROLLMENTS)
                .where(ENROLLMENTS.COURSE_ID.eq(courseId), ENROLLMENTS.USER_ID.eq(studentId))
                .forUpdate().execute();
    }

    private static Map<String, Object> audited(Submission s) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("submissionId", s.id());
        details.put("userId", s.userId());
        details.put("labId", s.labId());
        details.put("labVersion", s.labVersion());
        details.put("exerciseId", s.exerciseId());
        details.put("attempt", s.attempt());
        details.put("score", s.grade().score());
        details.put("points", s.points());
        return details;
    }

    /** PostgreSQL keeps microseconds; a result read back must equal the one returned. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
