package dev.faultlab.key;

import java.util.Map;
import java.util.Optional;

/** Reads a grid (vector, matrix, table) from a reference run. */
public non-sealed interface GridKey extends AnswerKey {
    Grid expected(Reference reference, Map<String, Object> args);

    /**
     * The grid expected from a student who answered the earlier exercises as they did ("error carried
     * forward"), or empty if this key has no such rule or the earlier answers are missing.
     */
    default Optional<Grid> carriedForward(Reference reference, Map<String, Object> args, Earlier earlier) {
        return Optional.empty();
    }

    /** What a cell of {@code column} may hold; by default a word of the vocabulary, or free text without one. */
    default CellFormat format(Grid grid, String column) {
        return CellFormat.vocabulary(grid.vocabulary());
    }

    /** The rule behind each cell and row, for feedback on a wrong one. */
    default GridReasons reasons(Reference reference, Map<String, Object> args) {
        return GridReasons.GENERIC;
    }
}
