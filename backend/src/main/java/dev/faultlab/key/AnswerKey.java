package dev.faultlab.key;

import java.util.Map;
import java.util.Set;

/**
 * A named way of reading an expected answer from a reference run, as a lab writes it:
 * {@code answer: {key: byzantine.received, node: 3, round: 1}}. Each kind of exercise takes the keys
 * of its own kind.
 */
public sealed interface AnswerKey permits GridKey, ChoiceKey, NumberKey, EventsKey, PropertyKey {
    /**
     * What a lab needs to know to use a key: its name, the protocol whose runs it reads (null for any), and
     * the arguments it takes besides {@code key} (unknown ones are refused when the lab loads).
     */
    record Spec(String name, String protocol, Set<String> arguments) {
    }

    Spec spec();

    default String name() {
        return spec().name();
    }

    default String protocol() {
        return spec().protocol();
    }

    default Set<String> arguments() {
        return spec().arguments();
    }

    /** Checks the arguments before any run, throwing {@link KeyException} naming the bad one; {@code field} is their place in lab.yaml. */
    default void check(Map<String, Object> args, String field) {
    }

    /** How the expected answer follows from the reference run, for the reveal; none by default. */
    default Solution solution(Reference reference, Map<String, Object> args) {
        return Solution.NONE;
    }
}
