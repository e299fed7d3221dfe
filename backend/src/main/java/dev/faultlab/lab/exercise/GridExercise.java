package dev.faultlab.lab.exercise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultlab.lab.Grade;
import dev.faultlab.lab.InvalidAnswer;
import dev.faultlab.lab.key.Earlier;
import dev.faultlab.lab.key.Grid;
import dev.faultlab.lab.key.GridKey;
import dev.faultlab.lab.key.Reference;

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
        return input;
    }

    @Override
    public Grade grade(Reference reference, JsonNode answer, Earlier earlier) throws InvalidAnswer {
        Grid truth = gridKey().expected(reference, info.args());
        Map<String, String> given = read(truth, answer);
        Optional<Grid> carried = carryForward ? gridKey().carriedForward(reference, info.args(), earlier) : Optional.empty();
        Grid expected = carried.orElse(truth);
        List<Grade.CellGrade> cells = new ArrayList<>();
        int right = 0;
        int carriedCells = 0;
        for (Map.Entry<String, String> cell : expected.values().entrySet()) {
            String want = cell.getValue();
            String got = given.get(cell.getKey());
            boolean correct = want == null || same(want, got);
            boolean fromStudent = carried.isPresent() && want != null
                    && !normal(want).equals(normal(truth.values().get(cell.getKey())));
            if (fromStudent) {
                carriedCells++;
            }
            right += correct ? 1 : 0;
            cells.add(new Grade.CellGrade(cell.getKey(), correct, correct ? ""
                    : label(expected, cell.getKey()) + ": not what the run gives"
                    + (carried.isPresent() ? ", given your earlier answers" : "") + "."));
        }
        int total = expected.values().size();
        String feedback = right + " of " + total + " cells right."
                + (carriedCells > 0 ? " " + carriedCells + (carriedCells == 1 ? " cell was" : " cells were")
                + " graded against what follows from your earlier answers (error carried forward)." : "");
        return new Grade(total == 0 ? 1 : (double) right / total, cells, feedback);
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

    /** Checks every listed cell is filled with a readable value, and nothing else is there. */
    private static Map<String, String> read(Grid grid, JsonNode answer) throws InvalidAnswer {
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
                if (!grid.vocabulary().isEmpty() && !DONT_CARE.equals(value)
                        && grid.vocabulary().stream().noneMatch(v -> normal(v).equals(normal(value)))) {
                    problems.add(label(grid, cell.getKey()) + ": '" + value + "' is not one of " + grid.vocabulary() + ".");
                }
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
        String row = cell.substring(0, slash);
        String column = cell.substring(slash + 1);
        String rowLabel = grid.rows().stream().filter(a -> a.id().equals(row)).map(Grid.Axis::label).findFirst().orElse(row);
        String columnLabel = grid.columns().stream().filter(a -> a.id().equals(column)).map(Grid.Axis::label).findFirst().orElse(column);
        return "Row '" + rowLabel + "', column '" + columnLabel + "'";
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
