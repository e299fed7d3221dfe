package dev.faultlab.grading;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultlab.lab.Grade;
import dev.faultlab.key.Solution;

import java.time.Instant;

/**
 * A student's progress on one exercise.
 *
 * @param points   the points that count (best or last attempt, after the penalty); null before any submission
 * @param draft    the saved, unsubmitted answer, if any
 * @param last     the latest submission, if any
 * @param revealed the expected answer, in the shape of an answer, once the reveal policy allows; else null
 * @param solution how the revealed answer follows from the run, with its events; null with {@code revealed}
 */
public record Progress(int attemptsUsed, int attemptsLeft, Double points, JsonNode draft, Last last, JsonNode revealed,
                       Solution solution) {

    /** {@code grade} as the feedback level lets the student see it, or whole once the answer is revealed. */
    public record Last(int attempt, Instant submittedAt, double points, JsonNode answer, Grade grade) {
        static Last of(Submission s, boolean revealed) {
            return new Last(s.attempt(), s.submittedAt(), s.points(), s.answer(), revealed ? s.grade() : s.grade().visible());
        }
    }
}
