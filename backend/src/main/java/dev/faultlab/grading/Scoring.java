package dev.faultlab.grading;

import dev.faultlab.lab.LabPolicy;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** How a grade becomes points, and which of a student's attempts counts. */
public final class Scoring {
    /** Points are kept to this many decimals, so 6 × 0.75 × 0.9 reads 4.05 and not 4.050000000000001. */
    private static final double PRECISION = 1e4;

    private Scoring() {
    }

    /** The points a score earns at the 0-based {@code attempt}, after the penalty for the attempts before it. */
    public static double points(double exercisePoints, double score, double penaltyPerAttempt, int attempt) {
        double kept = Math.max(0, 1 - penaltyPerAttempt * attempt);
        return round(exercisePoints * score * kept);
    }

    /** Points as shown and stored: sums of them too, so 4.05 + 3.2 reads 7.25. */
    public static double round(double points) {
        return Math.round(points * PRECISION) / PRECISION;
    }

    /** The submission whose points count: the best (the earliest of equals) or the last attempt. */
    public static Optional<Submission> counted(List<Submission> submissions, LabPolicy.Scoring scoring) {
        Comparator<Submission> byAttempt = Comparator.comparingInt(Submission::attempt);
        return switch (scoring) {
            case LAST -> submissions.stream().max(byAttempt);
            case BEST -> submissions.stream()
                    .max(Comparator.comparingDouble(Submission::points).thenComparing(byAttempt.reversed()));
        };
    }

    /** Whether some attempt earned the whole score (before any penalty). */
    public static boolean fullMarks(List<Submission> submissions) {
        return submissions.stream().anyMatch(s -> s.grade().score() >= 1.0);
    }
}
