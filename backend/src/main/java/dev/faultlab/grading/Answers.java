package dev.faultlab.grading;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Comparator;

/** Checks on an answer as sent, before any grader reads it. */
final class Answers {
    /** Far above any real answer (a 64 × 64 grid is about 40 KiB), low enough that drafts cannot fill the disk. */
    static final int MAX_BYTES = 64 * 1024;

    /** Numbers compare by value: PostgreSQL's jsonb may give back 2.50 as 2.5. */
    private static final Comparator<JsonNode> BY_VALUE = (a, b) -> a.isNumber() && b.isNumber()
            ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;

    private Answers() {
    }

    static JsonNode require(JsonNode answer) {
        json(answer);
        return answer;
    }

    /** The answer as JSON text, once it is known to be one of a bounded size: written once, checked and stored. */
    static String json(JsonNode answer) {
        if (answer == null || answer.isNull() || answer.isMissingNode()) {
            throw GradingException.invalid("answer", "Give your answer.");
        }
        String json = SubmissionStore.json(answer);
        if (json.length() > MAX_BYTES) {
            throw GradingException.invalid("answer", "The answer is " + json.length() + " characters long; at most "
                    + MAX_BYTES + " are accepted.");
        }
        return json;
    }

    static boolean same(JsonNode a, JsonNode b) {
        return a.equals(BY_VALUE, b);
    }
}
