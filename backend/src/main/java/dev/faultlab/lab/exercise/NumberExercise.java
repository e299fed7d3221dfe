package dev.faultlab.lab.exercise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultlab.lab.FeedbackLevel;
import dev.faultlab.lab.Grade;
import dev.faultlab.lab.InvalidAnswer;
import dev.faultlab.key.Earlier;
import dev.faultlab.key.NumberKey;
import dev.faultlab.key.Reference;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A number, right within the tolerance: {@code absolute} (|answer - expected| at most that) or
 * {@code relative} (at most that fraction of |expected|). All or nothing.
 */
public record NumberExercise(ExerciseInfo info, String unit, double absolute, double relative) implements GradedExercise {
    private static final String CELL = "value";

    @Override
    public String type() {
        return "number";
    }

    @Override
    public Map<String, Object> input(Reference reference) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("kind", "number");
        input.put("unit", unit);
        return input;
    }

    @Override
    public Grade grade(Reference reference, JsonNode answer, Earlier earlier) throws InvalidAnswer {
        JsonNode value = Answers.field(answer, CELL, "a number");
        double given;
        if (value.isNumber()) {
            given = value.asDouble();
        } else if (value.isTextual() && value.asText().strip().matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
            given = Double.parseDouble(value.asText().strip());
        } else {
            throw new InvalidAnswer("'" + value.asText() + "' is not a number.");
        }
        if (!Double.isFinite(given)) {
            throw new InvalidAnswer("The value must be a finite number.");
        }
        double expected = ((NumberKey) info.key()).expected(reference, info.args());
        double allowed = Math.max(absolute, relative * Math.abs(expected));
        boolean correct = Math.abs(given - expected) <= allowed + 1e-12;
        String feedback = correct ? "Right." : given > expected ? "Too high." : "Too low.";
        return new Grade(correct ? 1 : 0, List.of(new Grade.CellGrade(CELL, correct, correct ? "" : feedback)), feedback);
    }

    /** "Too high" or "too low" guides without giving the number. */
    @Override
    public FeedbackLevel defaultFeedback(Reference reference) {
        return FeedbackLevel.CELLS;
    }

    @Override
    public JsonNode expected(Reference reference) {
        ObjectNode answer = Answers.JSON.createObjectNode();
        answer.put(CELL, ((NumberKey) info.key()).expected(reference, info.args()));
        return answer;
    }

    /** A wrong answer is {@code value: x}, or {@code scale: k} (the expected value times k), or {@code offset: d}. */
    @Override
    public List<JsonNode> wrongAnswers(Reference reference) {
        double expected = ((NumberKey) info.key()).expected(reference, info.args());
        return info.wrong().stream().map(spec -> {
            ObjectNode answer = Answers.JSON.createObjectNode();
            if (spec.has(CELL)) {
                answer.set(CELL, spec.get(CELL));
            } else {
                answer.put(CELL, expected * spec.path("scale").asDouble(1) + spec.path("offset").asDouble(0));
            }
            return (JsonNode) answer;
        }).toList();
    }
}
