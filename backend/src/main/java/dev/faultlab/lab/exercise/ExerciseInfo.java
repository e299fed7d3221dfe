package dev.faultlab.lab.exercise;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultlab.lab.LabPolicy;
import dev.faultlab.lab.key.AnswerKey;

import java.util.List;
import java.util.Map;

/**
 * What every exercise has, whatever its type: {@code args} are the answer key's arguments and
 * {@code wrong} the lab's listed wrong answers, in lab.yaml's form.
 */
public record ExerciseInfo(String id, String title, String promptHtml, double points, LabPolicy policy,
                           AnswerKey key, Map<String, Object> args, List<JsonNode> wrong) {
    public ExerciseInfo {
        args = Map.copyOf(args);
        wrong = List.copyOf(wrong);
    }
}
