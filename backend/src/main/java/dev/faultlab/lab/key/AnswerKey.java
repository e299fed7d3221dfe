package dev.faultlab.lab.key;

import java.util.Map;
import java.util.Set;

/**
 * A named way of reading an expected answer from a reference run, as a lab writes it:
 * {@code answer: {key: byzantine.received, node: 3, round: 1}}. Each kind of exercise takes the keys
 * of its own kind.
 */
public sealed interface AnswerKey permits GridKey, ChoiceKey, NumberKey, EventsKey, PropertyKey {
    String name();

    /** The protocol whose runs this key reads. */
    String protocol();

    /** The arguments it takes besides {@code key}; unknown ones are refused when the lab loads. */
    Set<String> arguments();

    /** Checks the arguments before any run, naming the bad one; {@code field} is their place in lab.yaml. */
    default void check(Map<String, Object> args, String field) {
    }
}
