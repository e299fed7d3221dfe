package dev.faultlab.grading;

import dev.faultlab.lab.Grade;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How a class did on one exercise, over each student's counted submission; students who never submitted
 * are left out of every figure.
 *
 * @param attempted    students with a counted submission
 * @param mean         mean counted points, or null when nobody submitted
 * @param distribution students per tenth of the exercise's points: [0 %, 10 %), ..., [90 %, 100 %]
 * @param mostMissed   the cells most often wrong, most missed first (at most {@value #MOST_MISSED})
 */
public record ExerciseStats(String exerciseId, double points, int attempted, Double mean, List<Integer> distribution,
                            List<MissedCell> mostMissed) {
    public static final int BUCKETS = 10;
    public static final int MOST_MISSED = 5;

    /** {@code label} names the cell as the grid shows it ("Row 'P4 says', column 'P0'"). */
    public record MissedCell(String cell, String label, int missed) {
    }

    /** Absorbs rounding, so 1.8 of 6 points lands in the 30 % bucket and not the 20 % one. */
    private static final double EPSILON = 1e-9;

    public static ExerciseStats of(String exerciseId, double points, List<Submission> counted) {
        int[] buckets = new int[BUCKETS];
        for (Submission s : counted) {
            double fraction = points > 0 ? s.points() / points : 0;
            buckets[Math.min(BUCKETS - 1, (int) Math.floor(fraction * BUCKETS + EPSILON))]++;
        }
        Double mean = counted.isEmpty() ? null : counted.stream().mapToDouble(Submission::points).average().orElseThrow();
        return new ExerciseStats(exerciseId, points, counted.size(), mean,
                Arrays.stream(buckets).boxed().toList(), mostMissed(counted));
    }

    private static List<MissedCell> mostMissed(List<Submission> counted) {
        Map<String, Long> misses = counted.stream()
                .flatMap(s -> s.grade().cells().stream())
                .filter(cell -> !cell.correct())
                .collect(Collectors.groupingBy(Grade.CellGrade::cell, TreeMap::new, Collectors.counting()));
        Map<String, String> labels = new TreeMap<>();
        counted.stream().flatMap(s -> s.grade().cells().stream()).filter(cell -> cell.label() != null)
                .forEach(cell -> labels.putIfAbsent(cell.cell(), cell.label()));
        return misses.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MOST_MISSED)
                .map(e -> new MissedCell(e.getKey(), labels.getOrDefault(e.getKey(), e.getKey()), e.getValue().intValue()))
                .toList();
    }
}
