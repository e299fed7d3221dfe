package dev.faultlab.lab.exercise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultlab.lab.FeedbackLevel;
import dev.faultlab.lab.Grade;
import dev.faultlab.lab.InvalidAnswer;
import dev.faultlab.key.CellFormat;
import dev.faultlab.key.Earlier;
import dev.faultlab.key.Grid;
import dev.faultlab.key.GridKey;
import dev.faultlab.key.GridReasons;
import dev.faultlab.key.Reference;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Vector, matrix and table entry: each cell is worth the same, graded on its own (case and surrounding
 * spaces do not matter). A don't-care cell accepts anything, including {@link #DONT_CARE}. With
 * {@code carryForward}, the grid expected is the one that follows from the student's own earlier
 * answers, where the key knows how.
 */
public record GridExercise(ExerciseInfo info, boolean carryForward) implements GradedExercise {
    public static final String DONT_CARE = "*";
    private static final java.util.regex.Pattern SET = java.util.regex.Pattern.compile("\\{\\s*(\\d{1,9}(\\s*[,\\s]\\s*\\d{1,9})*)?\\s*}|\\d{1,9}(\\s*[,\\s]\\s*\\d{1,9})+");

    @Override
    public String type() {
        return "grid";
    }

    private GridKey gridKey() {
        return (GridKey) info.key();
    }

    @Override
    public Map<String, Object> input(Reference reference) {
        Grid grid = gridKey().expected(reference, info.args());
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("kind", "grid");
        input.put("rows", grid.rows());
        input.put("columns", grid.columns());
        input.put("cells", List.copyOf(grid.values().keySet()));
        input.put("vocabulary", grid.vocabulary().isEmpty() ? null : grid.vocabulary());
        input.put("dontCare", grid.values().containsValue(null) ? DONT_CARE : null);
        Map<String, CellFormat> formats = new LinkedHashMap<>();
        grid.columns().forEach(column -> formats.put(column.id(), gridKey().format(grid, column.id())));
        input.put("formats", formats);
        return input;
    }

    /**
     * A cell is right when it holds the reference run's value, or, with error carried forward, the value that
     * follows from the student's own earlier answers: a true answer is never marked wrong.
     */
    @Override
    public Grade grade(Reference reference, JsonNode answer, Earlier earlier) throws InvalidAnswer {
        Grid truth = gridKey().expected(reference, info.args());
        Map<String, String> given = read(truth, answer);
        Map<String, String> follows = carryForward ? gridKey().carriedForward(reference, info.args(), earlier)
                .map(Grid::values).orElse(Map.of()) : Map.of();
        GridReasons reasons = gridKey().reasons(reference, info.args());
        List<Grade.CellGrade> cells = new ArrayList<>();
        Map<String, int[]> rows = new LinkedHashMap<>();
        truth.rows().forEach(row -> rows.put(row.id(), new int[2]));
        int right = 0;
        int carried = 0;
        for (Map.Entry<String, String> cell : truth.values().entrySet()) {
            String want = cell.getValue();
            String got = given.get(cell.getKey());
            String followed = follows.get(cell.getKey());
            boolean differs = followed != null && want != null && !normal(followed).equals(normal(want));
            boolean byRun = want == null || same(want, got);
            boolean byEarlier = !byRun && differs && same(followed, got);
            boolean correct = byRun || byEarlier;
            right += correct ? 1 : 0;
            carried += byEarlier ? 1 : 0;
            int[] row = rows.computeIfAbsent(rowOf(cell.getKey()), r -> new int[2]);
            row[0] += correct ? 0 : 1;
            row[1]++;
            String label = label(truth, cell.getKey());
            cells.add(new Grade.CellGrade(cell.getKey(), correct, correct ? "" : label + ": " + reasons.cell(cell.getKey())
                    + (differs ? "; nor is it what follows from your earlier answers" : "")
                    + ".", label));
        }
        List<Grade.RowGrade> rowGrades = new ArrayList<>();
        rows.forEach((row, count) -> rowGrades.add(new Grade.RowGrade(row, axisLabel(truth.rows(), row), count[0], count[1],
                count[0] == 0 ? "" : reasons.row(row))));
        int total = truth.values().size();
        String feedback = right + " of " + total + " cells right."
                + (carried > 0 ? " " + carried + (carried == 1 ? " cell is" : " cells are")
                + " right by what follows from your earlier answers (error carried forward)." : "");
        return new Grade(total == 0 ? 1 : (double) right / total, cells, feedback, rowGrades, FeedbackLevel.CELLS);
    }

    /** Where a cell has only two possible values, marking it wrong gives its answer away: the rows are told instead. */
    @Override
    public FeedbackLevel defaultFeedback(Reference reference) {
        return gridKey().expected(reference, info.args()).vocabulary().size() == 2 ? FeedbackLevel.ROWS : FeedbackLevel.CELLS;
    }

    private static String rowOf(String cell) {
        return cell.substring(0, cell.lastIndexOf('/'));
    }

    @Override
    public JsonNode expected(Reference reference) {
        Grid grid = gridKey().expected(reference, info.args());
        ObjectNode cells = Answers.JSON.createObjectNode();
        grid.values().forEach((cell, value) -> cells.put(cell, value == null ? DONT_CARE : value));
        ObjectNode answer = Answers.JSON.createObjectNode();
        answer.set("cells", cells);
        return answer;
    }

    /** A wrong answer is {@code flip: [cells]} (those cells get another value) or {@code cells: {...}} (those cells replaced). */
    @Override
    public List<JsonNode> wrongAnswers(Reference reference) {
        Grid grid = gridKey().expected(reference, info.args());
        List<JsonNode> wrong = new ArrayList<>();
        for (JsonNode spec : info.wrong()) {
            ObjectNode answer = (ObjectNode) expected(reference).deepCopy();
            ObjectNode cells = (ObjectNode) answer.get("cells");
            for (JsonNode flip : spec.path("flip")) {
                cells.put(flip.asText(), other(grid, cells.path(flip.asText()).asText()));
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = spec.path("cells").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> cell = it.next();
                cells.put(cell.getKey(), cell.getValue().asText());
            }
            wrong.add(answer);
        }
        return wrong;
    }

    /** Checks every listed cell is filled with a value its column can hold, and nothing else is there. */
    private Map<String, String> read(Grid grid, JsonNode answer) throws InvalidAnswer {
        JsonNode cells = Answers.field(answer, "cells", "an object from cell id (row/column) to value");
        if (!cells.isObject()) {
            throw new InvalidAnswer("'cells' must be an object from cell id (row/column) to value.");
        }
        List<String> problems = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = cells.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> cell = it.next();
            if (!grid.values().containsKey(cell.getKey())) {
                problems.add("There is no cell '" + cell.getKey() + "' to fill.");
            } else if (!cell.getValue().isValueNode() || cell.getValue().isNull()) {
                problems.add(label(grid, cell.getKey()) + ": must be a value, not " + cell.getValue().getNodeType().name().toLowerCase(Locale.ROOT) + ".");
            } else if (cell.getValue().asText().length() > Answers.MAX_TEXT) {
                problems.add(label(grid, cell.getKey()) + ": longer than " + Answers.MAX_TEXT + " characters.");
            } else if (!cell.getValue().asText().isBlank()) {
                String value = cell.getValue().asText().strip();
                // The mark is readable in every cell of a grid that has don't-care cells, so it cannot tell which ones are.
                boolean dontCare = DONT_CARE.equals(value) && grid.values().containsValue(null);
                Optional<String> problem = dontCare ? Optional.empty()
                        : gridKey().format(grid, cell.getKey().substring(cell.getKey().lastIndexOf('/') + 1)).problem(value);
                problem.ifPresent(p -> problems.add(label(grid, cell.getKey()) + ": " + p));
                values.put(cell.getKey(), value);
            }
        }
        List<String> empty = grid.values().keySet().stream().filter(cell -> !values.containsKey(cell)).toList();
        if (!empty.isEmpty()) {
            problems.add(empty.size() + (empty.size() == 1 ? " cell is" : " cells are") + " empty, first "
                    + label(grid, empty.get(0)) + ": fill every cell before submitting.");
        }
        if (!problems.isEmpty()) {
            throw new InvalidAnswer(problems.size() > 10 ? problems.subList(0, 10) : problems);
        }
        return values;
    }

    private static String label(Grid grid, String cell) {
        int slash = cell.lastIndexOf('/');
        return "Row '" + axisLabel(grid.rows(), cell.substring(0, slash)) + "', column '"
                + axisLabel(grid.columns(), cell.substring(slash + 1)) + "'";
    }

    private static String axisLabel(List<Grid.Axis> axes, String id) {
        return axes.stream().filter(a -> a.id().equals(id)).map(Grid.Axis::label).findFirst().orElse(id);
    }

    private static String other(Grid grid, String value) {
        return grid.vocabulary().stream().filter(v -> !normal(v).equals(normal(value))).findFirst().orElse(value + "?");
    }

    /** Equal once normalised; where a set is expected, a single member may be written without braces. */
    private static boolean same(String want, String got) {
        String expected = normal(want);
        return expected.equals(normal(got)) || expected.startsWith("{") && got != null && expected.equals(normal("{" + got + "}"));
    }

    /**
     * Case and spaces do not matter; a set of whole numbers may be written with or without braces, in
     * any order, separated by commas or spaces: "{3, 1}" and "1 3" are the same set.
     */
    static String normal(String value) {
        if (value == null) {
            return "";
        }
        String text = value.strip().toUpperCase(Locale.ROOT);
        if (SET.matcher(text).matches()) {
            return java.util.Arrays.stream(text.replaceAll("[{}]", " ").trim().split("[\\s,]+"))
                    .filter(part -> !part.isEmpty()).map(Long::parseLong).distinct().sorted()
                    .map(String::valueOf).collect(java.util.stream.Collectors.joining(", ", "{", "}"));
        }
        return text;
    }
}
