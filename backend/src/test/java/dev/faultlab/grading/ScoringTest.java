package dev.faultlab.grading;

import dev.faultlab.lab.LabPolicy;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.faultlab.grading.Submissions.scored;
import static org.assertj.core.api.Assertions.assertThat;

class ScoringTest {

    @Test
    void theFirstAttemptKeepsEveryPoint() {
        assertThat(Scoring.points(6, 0.75, 0.1, 0)).isEqualTo(4.5);
    }

    @Test
    void eachEarlierAttemptCostsItsPenalty() {
        assertThat(Scoring.points(6, 0.75, 0.1, 1)).isEqualTo(4.05);
        assertThat(Scoring.points(6, 1.0, 0.1, 2)).isEqualTo(4.8);
    }

    @Test
    void thePenaltyNeverMakesPointsNegative() {
        assertThat(Scoring.points(6, 1.0, 0.4, 3)).isEqualTo(0.0);
    }

    @Test
    void bestCountsTheMostPointsAndTheEarliestOfEquals() {
        List<Submission> attempts = List.of(scored(0, 0.5, 3), scored(1, 1.0, 5.4), scored(2, 1.0, 5.4), scored(3, 0.5, 2));

        assertThat(Scoring.counted(attempts, LabPolicy.Scoring.BEST)).map(Submission::attempt).contains(1);
    }

    @Test
    void lastCountsTheLatestAttemptEvenWhenWorse() {
        List<Submission> attempts = List.of(scored(0, 1.0, 6), scored(1, 0.5, 2.7));

        assertThat(Scoring.counted(attempts, LabPolicy.Scoring.LAST)).map(Submission::attempt).contains(1);
    }

    @Test
    void nothingCountsBeforeTheFirstSubmission() {
        assertThat(Scoring.counted(List.of(), LabPolicy.Scoring.BEST)).isEmpty();
    }

    @Test
    void fullMarksIsAScoreOfOneBeforeThePenalty() {
        assertThat(Scoring.fullMarks(List.of(scored(0, 0.5, 3), scored(1, 1.0, 5.4)))).isTrue();
        assertThat(Scoring.fullMarks(List.of(scored(0, 0.99, 5.94)))).isFalse();
    }
}
