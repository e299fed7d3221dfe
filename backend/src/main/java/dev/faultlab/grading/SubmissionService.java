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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A student's answers: drafts saved as they type, and submissions graded at once. A submission is validated,
 * graded, stored and audited in one transaction; callers have checked that a draft's author belongs to the course,
 * and give a submit the rule that admits its author.
 */
public final class SubmissionService {
    private final DSLContext sql;
    private final CourseLabs labs;
    private final LabGrading grading;
    private final ExerciseProgress progress;
    private final Clock clock;

    SubmissionService(DSLContext sql, CourseLabs labs, LabGrading grading, ExerciseProgress progress, Clock clock) {
        this.sql = sql;
        this.labs = labs;
        this.grading = grading;
        this.progress = progress;
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
     * Grades and stores the answer, if {@code admission} admits the student to the course. A retry with the same
     * {@code clientId} and answer returns the stored result and uses no attempt, even after the due date; the same
     * id with another answer is refused. One transaction: a locking read of the student's seat in the course, one
     * of their history on the exercise (summed up by PostgreSQL), their other answers only if the grader carries
     * errors forward, the insert and the audit record.
     */
    public SubmitResult submit(long courseId, String labId, String exerciseId, long studentId, UUID clientId,
                               JsonNode answer, Actor actor, Admission admission) {
        return sql.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            SubmitStatements statements = new SubmitStatements(db);
            SubmitStatements.Seat seat = statements.seat(courseId, studentId, labId);
            Course course = admission.admit(seat.course(), seat.role());
            if (clientId == null) {
                throw GradingException.invalid("submissionId", "Give the submission a submissionId (a UUID chosen by the browser).");
            }
            LabInCourse lab = labs.resolve(course, labId, seat.dates());
            Exercise exercise = lab.exercise(exerciseId);
            String answerJson = Answers.json(answer);
            Instant now = now();
            ExerciseHistory history = statements.history(courseId, studentId, labId, exerciseId, clientId);
            if (history.retriedId() != null) {
                return retried(db, lab, exercise, studentId, clientId, answer, now);
            }
            lab.requireTakingAnswers(now);
            int attempt = history.attempts();
            if (attempt >= exercise.policy().maxAttempts()) {
                throw GradingException.conflict("no_attempts_left", "You have used all "
                        + exercise.policy().maxAttempts() + " attempts at this exercise.");
            }
            List<String> others = lab.lab().exercises().stream().map(Exercise::id).filter(id -> !id.equals(exerciseId)).toList();
            Grade grade = asStored(grade(lab, exercise, studentId, attempt, answer,
                    new OnDemandAnswers(() -> statements.latestAnswers(courseId, studentId, labId, others))));
            double points = Scoring.points(exercise.points(), grade.score(), exercise.policy().penaltyPerAttempt(), attempt);
            Submission graded = new Submission(0, courseId, studentId, labId, lab.lab().version(), exerciseId, attempt,
                    clientId, answer, grade, points, LabGrading.GRADER_VERSION, now, null);
            Submission stored = graded.withId(statements.insert(graded, answerJson));
            new AuditLog(db).record(actor, AuditAction.SUBMISSION_GRADED, "course:" + courseId, audited(stored));
            // The insert removed this exercise's draft.
            Progress current = progress.of(lab, studentId, exercise, history.with(stored, exercise.policy().scoring()),
                    stored, null, now, false);
            return new SubmitResult(SubmitResult.SubmissionView.of(stored, current.revealed() != null), current);
        });
    }

    /** A retried submit: the stored result, with the progress as it now stands. */
    private SubmitResult retried(DSLContext db, LabInCourse lab, Exercise exercise, long studentId, UUID clientId,
                                 JsonNode answer, Instant now) {
        long courseId = lab.course().id();
        String labId = lab.lab().id();
        SubmissionStore store = new SubmissionStore(db);
        Submission earlier = store.byClientId(courseId, studentId, labId, exercise.id(), clientId).orElseThrow();
        requireSameAnswer(earlier, answer);
        StudentWork work = StudentWork.of(store.of(courseId, studentId, labId), new DraftStore(db).of(courseId, studentId, labId));
        Progress current = progress.of(lab, studentId, exercise, work, now, false);
        return new SubmitResult(SubmitResult.SubmissionView.of(earlier, current.revealed() != null), current);
    }

    private Grade grade(LabInCourse lab, Exercise exercise, long studentId, int attempt, JsonNode answer,
                        Map<String, JsonNode> otherAnswers) {
        try {
            return grading.grade(lab.lab(), lab.variantOf(studentId), exercise.id(), attempt, answer, otherAnswers);
        } catch (InvalidAnswer e) {
            throw unreadable(e);
        }
    }

    /** The grade as the database keeps it (no feedback is an empty one), so the reply equals what a later read gives. */
    private static Grade asStored(Grade grade) {
        return grade.feedback() != null ? grade
                : new Grade(grade.score(), grade.cells(), "", grade.rows(), grade.level());
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
