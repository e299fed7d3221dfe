package dev.faultlab.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultlab.lab.exercise.ChoiceExercise;
import dev.faultlab.lab.exercise.ExerciseInfo;
import dev.faultlab.lab.exercise.FaultPlanExercise;
import dev.faultlab.lab.exercise.FindRunExercise;
import dev.faultlab.explore.SearchTarget;
import dev.faultlab.lab.exercise.GradedExercise;
import dev.faultlab.lab.exercise.GridExercise;
import dev.faultlab.lab.exercise.NumberExercise;
import dev.faultlab.lab.exercise.TraceExercise;
import dev.faultlab.key.AnswerKey;
import dev.faultlab.key.AnswerKeys;
import dev.faultlab.key.ChoiceKey;
import dev.faultlab.key.KeyException;
import dev.faultlab.key.EventsKey;
import dev.faultlab.key.GridKey;
import dev.faultlab.key.NumberKey;
import dev.faultlab.key.PropertyKey;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.FaultKind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The exercises of a schema-valid lab.yaml, with the checks a schema cannot make: keys, their arguments, ids. */
final class ExerciseParser {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExerciseParser() {
    }

    static List<GradedExercise> parse(JsonNode exercises, String protocol, LabPolicy labPolicy, AnswerKeys keys) {
        List<GradedExercise> parsed = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < exercises.size(); i++) {
            String field = "exercises[" + i + "]";
            JsonNode exercise = exercises.get(i);
            if (!ids.add(exercise.get("id").asText())) {
                throw new LabException(field + ".id", "'" + exercise.get("id").asText() + "' is used by an earlier exercise");
            }
            parsed.add(exercise(exercise, field, protocol, labPolicy, keys));
        }
        return parsed;
    }

    private static GradedExercise exercise(JsonNode exercise, String field, String protocol, LabPolicy labPolicy, AnswerKeys keys) {
        String type = exercise.get("type").asText();
        if (type.equals("find-run")) {
            return findRun(exercise, field, labPolicy);
        }
        AnswerKey key = key(exercise.get("answer"), field + ".answer", protocol, keys);
        ObjectNode argsNode = exercise.get("answer").deepCopy();
        argsNode.remove("key");
        @SuppressWarnings("unchecked")
        Map<String, Object> args = JSON.convertValue(argsNode, Map.class);
        for (String arg : args.keySet()) {
            if (!key.arguments().contains(arg)) {
                throw new LabException(field + ".answer." + arg, "is not an argument of " + key.name() + "; it takes "
                        + key.arguments().stream().sorted().toList());
            }
        }
        try {
            key.check(args, field + ".answer");
        } catch (KeyException e) {
            throw new LabException(e.field(), e.problem());
        }
        List<JsonNode> wrong = new ArrayList<>();
        exercise.path("wrong").forEach(wrong::add);
        ExerciseInfo info = new ExerciseInfo(exercise.get("id").asText(), exercise.get("title").asText(),
                Markdown.html(exercise.get("prompt").asText()), exercise.get("points").asDouble(),
                PolicyParser.over(labPolicy, exercise.get("policy")), key, args, wrong,
                exercise.has("feedback") ? FeedbackLevel.valueOf(exercise.get("feedback").asText().toUpperCase(java.util.Locale.ROOT)) : null);
        return switch (type) {
            case "vector", "matrix", "table" -> {
                expect(key instanceof GridKey, key, type, field);
                yield new GridExercise(info, exercise.path("carryForward").asBoolean(false));
            }
            case "choice" -> {
                expect(key instanceof ChoiceKey, key, type, field);
                yield choice(exercise, field, info, (ChoiceKey) key);
            }
            case "number" -> {
                expect(key instanceof NumberKey, key, type, field);
                JsonNode tolerance = exercise.path("tolerance");
                double relative = tolerance.has("relative") || tolerance.has("absolute") ? tolerance.path("relative").asDouble(0) : 0.01;
                yield new NumberExercise(info, exercise.path("unit").asText(""), tolerance.path("absolute").asDouble(0), relative);
            }
            case "fault-plan" -> {
                expect(key instanceof PropertyKey, key, type, field);
                yield new FaultPlanExercise(info, kinds(exercise.get("kinds"), field + ".kinds", FaultKind.values()),
                        exercise.get("maxFaults").asInt());
            }
            case "trace" -> {
                expect(key instanceof EventsKey, key, type, field);
                yield new TraceExercise(info, kinds(exercise.get("kinds"), field + ".kinds", EventKind.values()));
            }
            default -> throw new LabException(field + ".type", "unknown exercise type '" + type + "'");
        };
    }

    /** A find-run exercise names no answer key: what it asks for is a property or goal, and the explorer answers it. */
    private static FindRunExercise findRun(JsonNode exercise, String field, LabPolicy labPolicy) {
        if (exercise.has("answer")) {
            throw new LabException(field + ".answer", "a find-run exercise names no answer key: the explorer finds its answer; "
                    + "say what the run must show with 'violates' or 'reaches'");
        }
        List<JsonNode> wrong = new ArrayList<>();
        exercise.path("wrong").forEach(wrong::add);
        ExerciseInfo info = new ExerciseInfo(exercise.get("id").asText(), exercise.get("title").asText(),
                Markdown.html(exercise.get("prompt").asText()), exercise.get("points").asDouble(),
                PolicyParser.over(labPolicy, exercise.get("policy")), null, Map.of(), wrong,
                exercise.has("feedback") ? FeedbackLevel.valueOf(exercise.get("feedback").asText().toUpperCase(java.util.Locale.ROOT)) : null);
        SearchTarget target = exercise.has("violates") ? SearchTarget.violating(Set.of(exercise.get("violates").asText()))
                : SearchTarget.reaching(exercise.get("reaches").asText());
        Set<String> kinds = exercise.has("kinds") ? kinds(exercise.get("kinds"), field + ".kinds", FaultKind.values()) : Set.of();
        Integer maxFaults = exercise.has("maxFaults") ? exercise.get("maxFaults").asInt() : null;
        return new FindRunExercise(info, target, ExplorerSpecs.scenario(exercise.get("params")), kinds, maxFaults,
                ExplorerSpecs.bounds(exercise.get("search"), field + ".search"));
    }

    private static AnswerKey key(JsonNode answer, String field, String protocol, AnswerKeys keys) {
        String name = answer.get("key").asText();
        AnswerKey key = keys.find(name).orElseThrow(() ->
                new LabException(field + ".key", "no answer key '" + name + "'; the keys are " + keys.names()));
        if (key.protocol() != null && !key.protocol().equals(protocol)) {
            throw new LabException(field + ".key", name + " reads runs of " + key.protocol() + ", but this lab runs " + protocol);
        }
        return key;
    }

    private static void expect(boolean fits, AnswerKey key, String type, String field) {
        if (!fits) {
            throw new LabException(field + ".answer.key", key.name() + " does not give the answer of a " + type + " exercise");
        }
    }

    private static ChoiceExercise choice(JsonNode exercise, String field, ExerciseInfo info, ChoiceKey key) {
        List<ChoiceExercise.Option> options = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode option : exercise.get("options")) {
            if (!ids.add(option.get("id").asText())) {
                throw new LabException(field + ".options", "the option id '" + option.get("id").asText() + "' appears twice");
            }
            options.add(new ChoiceExercise.Option(option.get("id").asText(), option.get("text").asText()));
        }
        if (!ids.containsAll(key.outcomes())) {
            throw new LabException(field + ".options", key.name() + " answers with " + key.outcomes().stream().sorted().toList()
                    + ": every one of these must be an option id");
        }
        return new ChoiceExercise(info, options, exercise.path("multiple").asBoolean(false));
    }

    private static <E extends Enum<E>> Set<String> kinds(JsonNode kinds, String field, E[] known) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode kind : kinds) {
            if (Arrays.stream(known).noneMatch(k -> k.name().equals(kind.asText()))) {
                throw new LabException(field, "'" + kind.asText() + "' is not one of " + Arrays.toString(known));
            }
            names.add(kind.asText());
        }
        return names;
    }
}
