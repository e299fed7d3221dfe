package dev.faultlab.grading;

import dev.faultlab.lab.LabPolicy;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tally a submit keeps from PostgreSQL's sums (count, best points, any full marks) is the one the lab page
 * works out from every attempt, for both scoring rules.
 */
class ExerciseHistoryTest {

    @Test
    void theSummedUpHistoryPlusTheNewAttemptTalliesLikeEveryAttempt() {
        Random random = new Random(12);
        for (LabPolicy.Scoring scoring : LabPolicy.Scoring.values()) {
            for (int round = 0; round < 500; round++) {
                List<Submission> earlier = new ArrayList<>();
                int attempts = random.nextInt(6);
                for (int attempt = 0; attempt < attempts; attempt++) {
                    earlier.add(scored(random, attempt));
                }
                Submission latest = scored(random, attempts);
                List<Submission> all = new ArrayList<>(earlier);
                all.add(latest);

                AttemptTally kept = summedUp(earlier).with(latest, scoring);

                assertThat(kept).as("%s after %s", scoring, all).isEqualTo(AttemptTally.of(all, scoring));
            }
        }
    }

    /** What the history query computes: count(*), max(points), bool_or(score >= 1). */
    private static ExerciseHistory summedUp(List<Submission> earlier) {
        Double best = earlier.stream().map(Submission::points).max(Double::compare).orElse(null);
        return new ExerciseHistory(earlier.size(), best, earlier.stream().anyMatch(s -> s.grade().score() >= 1), null);
    }

    /** Scores from a few values, so equal points and full marks both occur often. */
    private static Submission scored(Random random, int attempt) {
        double score = new double[] {0, 0.5, 0.75, 1}[random.nextInt(4)];
        return Submissions.scored(attempt, score, Scoring.points(6, score, 0.1, attempt));
    }
}
