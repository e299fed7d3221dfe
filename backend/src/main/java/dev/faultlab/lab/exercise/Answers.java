package dev.faultlab.lab.exercise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultlab.lab.InvalidAnswer;

/** Reading the parts of an answer every grader needs, with messages a student can act on. */
final class Answers {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_TEXT = 200;

    private Answers() {
    }

    static JsonNode field(JsonNode answer, String name, String shape) throws InvalidAnswer {
        if (answer == null || !answer.isObject() || !answer.has(name)) {
            throw new InvalidAnswer("The answer must be an object with '" + name + "': " + shape + ".");
        }
        return answer.get(name);
    }

    static String round(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.format(java.util.Locale.ROOT, "%.4g", value);
    }
}
