package dev.faultlab.lab.exercise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultlab.lab.FeedbackLevel;
import dev.faultlab.lab.Grade;
import dev.faultlab.lab.InvalidAnswer;
import dev.faultlab.key.Earlier;
import dev.faultlab.key.EventsKey;
import dev.faultlab.key.Reference;
import dev.faultlab.sim.Trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A trace question: pick the events of the reference run that answer it. The score is the overlap of
 * the picked and the expected events over their union, so both a missed and a wrong pick cost.
 */
public record TraceExercise(ExerciseInfo info, Set<String> kinds) implements GradedExercise {

    @Override
    public String type() {
        return "trace";
    }

    private List<Integer> expectedEvents(Reference reference) {
        return ((EventsKey) info.key()).expected(reference, info.args());
    }

    @Override
    public Map<String, Object> input(Reference reference) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("kind", "trace");
        input.put("recipe", reference.run().recipe());
        input.put("kinds", kinds.stream().sorted().toList());
        return input;
    }

    @Override
    public Grade grade(Reference reference, JsonNode answer, Earlier earlier) throws InvalidAnswer {
        TreeSet<Integer> picked = read(reference.run().trace(), answer);
        Set<Integer> expected = new TreeSet<>(expectedEvents(reference));
        List<Grade.CellGrade> cells = new ArrayList<>();
        int right = 0;
        for (int event : picked) {
            boolean ok = expected.contains(event);
            right += ok ? 1 : 0;
            cells.add(new Grade.CellGrade(Integer.toString(event), ok, ok ? "" : "Event #" + event + " is not one of them."));
        }
        int missed = expected.size() - right;
        int union = picked.size() + missed;
        String feedback = right + " of your " + picked.size() + " picks are right"
                + (missed > 0 ? "; " + missed + (missed == 1 ? " event is" : " events are") + " missing." : ".");
        return new Grade(union == 0 ? 1 : (double) right / union, cells, feedback);
    }

    private TreeSet<Integer> read(Trace trace, JsonNode answer) throws InvalidAnswer {
        JsonNode events = Answers.field(answer, "events", "a list of event numbers");
        if (!events.isArray()) {
            throw new InvalidAnswer("'events' must be a list of event numbers.");
        }
        TreeSet<Integer> picked = new TreeSet<>();
        for (JsonNode event : events) {
            if (!event.canConvertToInt() || event.asInt() < 0 || event.asInt() >= trace.size()) {
                throw new InvalidAnswer("There is no event " + event + " in this run (it has " + trace.size() + ").");
            }
            if (!kinds.contains(trace.kind(event.asInt()).name())) {
                throw new InvalidAnswer("Event #" + event.asInt() + " is a " + trace.kind(event.asInt())
                        + " event; pick among " + kinds.stream().sorted().toList() + ".");
            }
            picked.add(event.asInt());
        }
        return picked;
    }

    /** A wrong pick named does not tell which events are missing. */
    @Override
    public FeedbackLevel defaultFeedback(Reference reference) {
        return FeedbackLevel.CELLS;
    }

    @Override
    public JsonNode expected(Reference reference) {
        return answer(expectedEvents(reference));
    }

    /** A wrong answer is {@code omit: k} (the expected events without the first k) or {@code events: [...]}. */
    @Override
    public List<JsonNode> wrongAnswers(Reference reference) {
        List<Integer> expected = expectedEvents(reference);
        return info.wrong().stream().map(spec -> spec.has("events") ? (JsonNode) spec.deepCopy()
                : answer(expected.subList(Math.min(spec.path("omit").asInt(1), expected.size()), expected.size()))).toList();
    }

    private static JsonNode answer(List<Integer> events) {
        ObjectNode answer = Answers.JSON.createObjectNode();
        ArrayNode list = answer.putArray("events");
        events.forEach(list::add);
        return answer;
    }
}
