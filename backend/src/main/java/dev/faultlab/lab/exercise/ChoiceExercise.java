package dev.faultlab.lab.exercise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultlab.lab.FeedbackLevel;
import dev.faultlab.lab.Grade;
import dev.faultlab.lab.InvalidAnswer;
import dev.faultlab.key.ChoiceKey;
import dev.faultlab.key.Earlier;
import dev.faultlab.key.Reference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Multiple choice. With one right option, all or nothing; with {@code multiple}, each option counts for
 * the same share, right when ticked exactly if it is one of the right options.
 */
public record ChoiceExercise(ExerciseInfo info, List<Option> options, boolean multiple) implements GradedExercise {

    public record Option(String id, String text) {
    }

    @Override
    public String type() {
        return "choice";
    }

    @Override
    public Map<String, Object> input(Reference reference) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("kind", "choice");
        input.put("options", options);
        input.put("multiple", multiple);
        return input;
    }

    @Override
    public Grade grade(Reference reference, JsonNode answer, Earlier earlier) throws InvalidAnswer {
        Set<String> chosen = read(answer);
        Set<String> right = ((ChoiceKey) info.key()).expected(reference, info.args());
        if (!multiple) {
            boolean correct = chosen.equals(right);
            String id = chosen.iterator().next();
            return new Grade(correct ? 1 : 0, List.of(new Grade.CellGrade(id, correct, correct ? "" : "Not this one.")),
                    correct ? "Right." : "That is not the right option.");
        }
        List<Grade.CellGrade> cells = new ArrayList<>();
        int correct = 0;
        for (Option option : options) {
            boolean ok = chosen.contains(option.id()) == right.contains(option.id());
            correct += ok ? 1 : 0;
            cells.add(new Grade.CellGrade(option.id(), ok, ok ? "" : chosen.contains(option.id())
                    ? "This option should not be ticked." : "This option should be ticked."));
        }
        return new Grade((double) correct / options.size(), cells, correct + " of " + options.size() + " options judged right.");
    }

    private Set<String> read(JsonNode answer) throws InvalidAnswer {
        JsonNode choices = Answers.field(answer, "choices", "a list of option ids");
        if (!choices.isArray() || (!multiple && choices.size() != 1)) {
            throw new InvalidAnswer(multiple ? "'choices' must be a list of option ids." : "Choose exactly one option.");
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (JsonNode choice : choices) {
            if (options.stream().noneMatch(o -> o.id().equals(choice.asText()))) {
                throw new InvalidAnswer("There is no option '" + choice.asText() + "'.");
            }
            chosen.add(choice.asText());
        }
        return chosen;
    }

    /** Marking the option wrong would tell which one is right: only the score. */
    @Override
    public FeedbackLevel defaultFeedback(Reference reference) {
        return FeedbackLevel.SCORE;
    }

    @Override
    public JsonNode expected(Reference reference) {
        return answer(((ChoiceKey) info.key()).expected(reference, info.args()));
    }

    /** A wrong answer is {@code choices: [...]}. */
    @Override
    public List<JsonNode> wrongAnswers(Reference reference) {
        return info.wrong().stream().map(spec -> (JsonNode) spec.deepCopy()).toList();
    }

    private JsonNode answer(Set<String> ids) {
        ObjectNode answer = Answers.JSON.createObjectNode();
        ArrayNode choices = answer.putArray("choices");
        options.stream().map(Option::id).filter(ids::contains).forEach(choices::add);
        return answer;
    }
}
