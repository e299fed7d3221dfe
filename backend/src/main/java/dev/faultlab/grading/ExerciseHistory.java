package dev.faultlab.grading;

import dev.faultlab.lab.LabPolicy;

import java.util.List;

/**
 * A student's earlier submissions to one exercise, as a submit needs them, summed up by PostgreSQL instead of read
 * and parsed one by one: how many (the next attempt's number), the most points one earned, whether one earned the
 * whole score, and the id of the one with the submit's own submissionId if this is a retry.
 */
record ExerciseHistory(int attempts, Double bestPoints, boolean fullMarks, Long retriedId) {

    /** The tally once {@code stored}, the newest attempt, is in. */
    AttemptTally with(Submission stored, LabPolicy.Scoring scoring) {
        double counted = switch (scoring) {
            case LAST -> stored.points();
            case BEST -> bestPoints == null ? stored.points() : Math.max(bestPoints, stored.points());
        };
        return new AttemptTally(attempts + 1, counted, fullMarks || Scoring.fullMarks(List.of(stored)));
    }
}
