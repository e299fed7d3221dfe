package dev.faultlab.grading;

import java.time.Instant;
import java.util.List;

/** The shapes of grades as the API returns them: a student's own, and an instructor's gradebooks. */
public final class GradeViews {
    private GradeViews() {
    }

    /** {@code points} is null for an exercise never submitted. */
    public record ExerciseScore(String exerciseId, String title, Double points, double maxPoints, int attemptsUsed,
                                int maxAttempts) {
    }

    public record LabScore(String labId, String title, Instant dueAt, double points, double maxPoints,
                           List<ExerciseScore> exercises) {
    }

    /** GET /api/courses/{courseId}/grades: the viewer's own scores. */
    public record OwnGrades(long courseId, List<LabScore> labs) {
    }

    public record LabColumn(String labId, String title, double maxPoints) {
    }

    public record StudentLabCell(String labId, double points, int attempts) {
    }

    public record StudentRow(long userId, String email, String displayName, double points, List<StudentLabCell> labs) {
    }

    /** GET /api/courses/{courseId}/gradebook: each student's counted points and attempts per lab. */
    public record CourseGradebook(long courseId, List<LabColumn> labs, List<StudentRow> students) {
    }

    public record ExerciseColumn(String id, String title, double points) {
    }

    public record LabHeader(String id, String title, String version, double points, List<ExerciseColumn> exercises) {
    }

    /** {@code points} and {@code score} (of the counted attempt, before the penalty) are null if never submitted. */
    public record StudentExerciseCell(String exerciseId, Double points, Double score, int attempts) {
    }

    public record StudentLabRow(long userId, String email, String displayName, double points, int attempts,
                                List<StudentExerciseCell> exercises) {
    }

    /** GET /api/courses/{courseId}/labs/{labId}/gradebook. */
    public record LabGradebook(long courseId, LabHeader lab, List<StudentLabRow> students, List<ExerciseStats> stats) {
    }
}
