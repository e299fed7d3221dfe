package dev.faultlab.protocols.voting;

import java.util.List;
import java.util.Objects;

/** How a voter combines the answers of a group of {@code size} replicas, and the majority used in the agreement. */
public final class VoteRule {
    private VoteRule() {
    }

    /** The voter's result, or null for none. {@code answers} in the order they arrived; null answers count as none. */
    public static Integer vote(Model model, int size, List<Integer> answers) {
        if (model == Model.FAIL_SILENT) {
            return answers.stream().filter(Objects::nonNull).findFirst().orElse(null);
        }
        return majority(answers, size);
    }

    /** The value more than half of {@code of} entries hold (missing ones count against every value), or null. */
    public static Integer majority(List<Integer> values, int of) {
        for (Integer value : values) {
            if (value != null && values.stream().filter(value::equals).count() * 2 > of) {
                return value;
            }
        }
        return null;
    }
}
