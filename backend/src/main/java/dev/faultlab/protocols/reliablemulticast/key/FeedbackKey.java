package dev.faultlab.protocols.reliablemulticast.key;

import dev.faultlab.key.NumberKey;
import dev.faultlab.key.Reference;
import dev.faultlab.key.Solution;
import dev.faultlab.protocols.reliablemulticast.ReliableMulticast;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code rmcast.feedback {variant, receivers}}: how many feedback messages reach the sender in the feedback
 * figure's run of that scheme and group size ({@link FeedbackRuns}), not in the lab's own scenario.
 */
final class FeedbackKey implements NumberKey {
    static final String NAME = "rmcast.feedback";

    private static final Spec SPEC = new Spec(NAME, ReliableMulticast.ID, Set.of("variant", "receivers"));

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public void check(Map<String, Object> args, String field) {
        FeedbackRuns.scheme(args, field);
        FeedbackRuns.receivers(args, field);
    }

    @Override
    public double expected(Reference reference, Map<String, Object> args) {
        return FeedbackRuns.feedback(reference.registry(), FeedbackRuns.scheme(args, "answer"), FeedbackRuns.receivers(args, "answer"));
    }

    @Override
    public Solution solution(Reference reference, Map<String, Object> args) {
        int receivers = FeedbackRuns.receivers(args, "answer");
        String scheme = FeedbackRuns.scheme(args, "answer").id();
        return new Solution(List.of(new Solution.Step("The figure's run", "With " + receivers + " receivers and the "
                + scheme + " scheme, P1 multicast " + FeedbackRuns.MESSAGES + " messages over a network losing "
                + Math.round(FeedbackRuns.LOSS * 100) + "% of all messages; " + (int) expected(reference, args)
                + " ACKs and NACKs reached P1.", List.of())));
    }
}
