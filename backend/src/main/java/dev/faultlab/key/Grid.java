package dev.faultlab.key;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The expected content of a grid exercise: its rows and columns, and for each cell to fill (by id
 * "row/column", in reading order) the expected value, or null where any value is right (a don't-care
 * cell, such as a value an arbitrary traitor made up). {@code vocabulary} lists the values a cell
 * may take, or is empty for free text.
 */
public record Grid(List<Axis> rows, List<Axis> columns, Map<String, String> values, List<String> vocabulary) {

    public record Axis(String id, String label) {
    }

    public Grid {
        rows = List.copyOf(rows);
        columns = List.copyOf(columns);
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        vocabulary = List.copyOf(vocabulary);
    }

    public static String cell(String row, String column) {
        return row + "/" + column;
    }

    public boolean dontCare(String cell) {
        return values.containsKey(cell) && values.get(cell) == null;
    }
}
