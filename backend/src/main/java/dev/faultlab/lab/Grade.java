package dev.faultlab.lab;

import java.util.List;

/**
 * The grader's verdict on one answer, before any attempt penalty.
 *
 * @param score    fraction of the exercise's points earned, 0 to 1
 * @param cells    one entry per graded cell (for a grid, a cell; for a choice, the choice; for a number, the value)
 * @param feedback a sentence for the student; never contains the expected answer
 * @param rows     for a grid, one entry per row: how many of its cells are wrong, and the rule behind the row
 * @param level    how much of this the student sees ({@link #visible()}); instructors see it all
 */
public record Grade(double score, List<CellGrade> cells, String feedback, List<RowGrade> rows, FeedbackLevel level) {
    public Grade {
        if (score < 0 || score > 1 || Double.isNaN(score)) {
            throw new IllegalArgumentException("a score is between 0 and 1, got " + score);
        }
        cells = List.copyOf(cells);
        rows = rows == null ? List.of() : List.copyOf(rows);
        level = level == null ? FeedbackLevel.CELLS : level;
    }

    public Grade(double score, List<CellGrade> cells, String feedback) {
        this(score, cells, feedback, List.of(), FeedbackLevel.CELLS);
    }

    public Grade at(FeedbackLevel newLevel) {
        return new Grade(score, cells, feedback, rows, newLevel);
    }

    /** The grade as its student sees it: without the cells below {@code CELLS}, without the rows at {@code SCORE}. */
    public Grade visible() {
        return switch (level) {
            case CELLS -> this;
            case ROWS -> new Grade(score, List.of(), feedback, rows, level);
            case SCORE -> new Grade(score, List.of(), feedback, List.of(), level);
        };
    }

    /**
     * How one cell was judged; {@code feedback} says why a wrong cell is wrong (the rule it breaks) without
     * giving the answer; {@code label} names the cell as the student's form shows it (null where the id does).
     */
    public record CellGrade(String cell, boolean correct, String feedback, String label) {
        public CellGrade(String cell, boolean correct, String feedback) {
            this(cell, correct, feedback, null);
        }
    }

    /** How many of a grid row's cells are wrong, and the rule the row follows (empty when none is wrong). */
    public record RowGrade(String row, String label, int wrong, int cells, String feedback) {
    }
}
