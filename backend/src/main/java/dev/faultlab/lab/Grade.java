package dev.faultlab.lab;

import java.util.List;

/**
 * The grader's verdict on one answer, before any attempt penalty.
 *
 * @param score    fraction of the exercise's points earned, 0 to 1
 * @param cells    one entry per graded cell (for a grid, a cell; for a choice, the choice; for a number, the value)
 * @param feedback a sentence for the student; never contains the expected answer
 */
public record Grade(double score, List<CellGrade> cells, String feedback) {
    public Grade {
        if (score < 0 || score > 1 || Double.isNaN(score)) {
            throw new IllegalArgumentException("a score is between 0 and 1, got " + score);
        }
        cells = List.copyOf(cells);
    }

    /** How one cell was judged; {@code feedback} says why a wrong cell is wrong without giving the answer. */
    public record CellGrade(String cell, boolean correct, String feedback) {
    }
}
