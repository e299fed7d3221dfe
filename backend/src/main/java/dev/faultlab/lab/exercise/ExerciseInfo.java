package dev.faultlab.lab.exercise;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultlab.lab.FeedbackLevel;
import dev.faultlab.lab.LabPolicy;
import dev.faultlab.key.AnswerKey;

import java.util.List;
import java.util.Map;

/**
 * What every exercise has, whatever its type: {@code args} are the answer key's arguments,
 * {@code wrong} the lab's listed wrong answers, in lab.yaml's form, and {@code feedback} the level the lab
 * sets (null: the exercise type's default).
 */
public record ExerciseInfo(String id, String title, String promptHtml, double points, LabPolicy policy,
                           AnswerKey key, Map<String, Object> args, List<JsonNode> wrong, FeedbackLevel feedback) {
    public ExerciseInfo {
        args = Map.copyOf(args);
        wrong = List.copyOf(wrong);
    }

    public ExerciseInfo(String id, String title, String promptHtml, double points, LabPolicy policy,
                        AnswerKey key, Map<String, Object> args, List<JsonNode> wrong) {
        this(id, title, promptHtml, points, policy, key, args, wrong, null);
    }
}
