package dev.faultlab.grading;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A student's latest answers to a lab's other exercises, read from the database the first time the grader looks:
 * only exercises graded with error carried forward do, so the others cost no read and no parsing.
 */
final class OnDemandAnswers extends AbstractMap<String, JsonNode> {
    private final Supplier<Map<String, JsonNode>> read;
    private Map<String, JsonNode> answers;

    OnDemandAnswers(Supplier<Map<String, JsonNode>> read) {
        this.read = read;
    }

    @Override
    public JsonNode get(Object exerciseId) {
        return answers().get(exerciseId);
    }

    @Override
    public Set<Entry<String, JsonNode>> entrySet() {
        return answers().entrySet();
    }

    private Map<String, JsonNode> answers() {
        if (answers == null) {
            answers = Map.copyOf(read.get());
        }
        return answers;
    }
}
