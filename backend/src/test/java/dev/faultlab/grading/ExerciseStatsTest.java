package dev.faultlab.grading;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.faultlab.grading.Submissions.missing;
import static org.assertj.core.api.Assertions.assertThat;

class ExerciseStatsTest {

    @Test
    void theMeanIsOverStudentsWhoSubmitted() {
        ExerciseStats stats = ExerciseStats.of("round1", 6, List.of(missing(6), missing(3), missing(0)));

        assertThat(stats.attempted()).isEqualTo(3);
        assertThat(stats.mean()).isEqualTo(3.0);
    }

    @Test
    void nobodySubmittedMeansNoMean() {
        ExerciseStats stats = ExerciseStats.of("round1", 6, List.of());

        assertThat(stats.mean()).isNull();
        assertThat(stats.distribution()).hasSize(10).containsOnly(0);
        assertThat(stats.mostMissed()).isEmpty();
    }

    @Test
    void tenthsOfThePointsFillTheBucketsWithFullMarksInTheLast() {
        ExerciseStats stats = ExerciseStats.of("round1", 6,
                List.of(missing(0), missing(0.59), missing(0.6), missing(1.8), missing(5.99), missing(6)));

        assertThat(stats.distribution()).containsExactly(2, 1, 0, 1, 0, 0, 0, 0, 0, 2);
    }

    @Test
    void theMostMissedCellsComeFirstTiesByName() {
        ExerciseStats stats = ExerciseStats.of("round2", 6, List.of(
                missing(3, "-/P4", "-/P1"), missing(3, "-/P4", "-/P2"), missing(3, "-/P4", "-/P1", "-/P5"),
                missing(3, "-/P6"), missing(3, "-/P3"), missing(3, "-/P0")));

        assertThat(stats.mostMissed()).containsExactly(
                missed("-/P4", 3), missed("-/P1", 2), missed("-/P0", 1), missed("-/P2", 1), missed("-/P3", 1));
        assertThat(stats.mostMissed().get(0).label()).isEqualTo("Row 'heard directly', column 'P4'");
    }

    private static ExerciseStats.MissedCell missed(String cell, int times) {
        return new ExerciseStats.MissedCell(cell, Submissions.label(cell), times);
    }
}
