package dev.faultlab.grading;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultlab.lab.Grade;

import java.time.Instant;
import java.util.UUID;

/**
 * One graded submission to an exercise, as stored.
 *
 * @param attempt  0 for the student's first submission to the exercise
 * @param clientId the id the browser chose, so a retried submit finds this one
 * @param grade    the grader's verdict, before the attempt penalty
 * @param points   what the submission earns after the penalty
 */
public record Submission(long id, long courseId, long userId, String labId, String labVersion, String exerciseId,
                        int attempt, UUID clientId, JsonNode answer, Grade grade, double points, String graderVersion,
                        Instant submittedAt, Instant regradedAt) {

    /** The submission as stored under {@code newId}. */
    Submission withId(long newId) {
        return new Submission(newId, courseId, userId, labId, labVersion, exerciseId, attempt, clientId, answer, grade,
                points, graderVersion, submittedAt, regradedAt);
    }

    public Submission withGrade(Grade newGrade, double newPoints, String newLabVersion, String newGraderVersion,
                                Instant at) {
        return new Submission(id, courseId, userId, labId, newLabVersion, exerciseId, attempt, clientId, answer,
                newGrade, newPoints, newGraderVersion, submittedAt, at);
    }
}
