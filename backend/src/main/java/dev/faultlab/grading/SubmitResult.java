package dev.faultlab.grading;

import dev.faultlab.lab.Grade;

import java.time.Instant;

/** What a submit answers: the graded submission and the exercise's progress with it. */
public record SubmitResult(SubmissionView submission, Progress progress) {

    public record SubmissionView(long id, int attempt, Instant submittedAt, double points, Grade grade) {
        /** The grade whole once the answer is revealed, else as the exercise's feedback level shows it. */
        static SubmissionView of(Submission s, boolean revealed) {
            return new SubmissionView(s.id(), s.attempt(), s.submittedAt(), s.points(), revealed ? s.grade() : s.grade().visible());
        }
    }
}
