package dev.faultlab.key;

import java.util.Map;
import java.util.Optional;

/**
 * The student's own answers to the lab's other exercises, found by the key and arguments those
 * exercises are graded with: a key that carries errors forward grades against what follows from them.
 */
@FunctionalInterface
public interface Earlier {
    Earlier NONE = (key, args) -> Optional.empty();

    /** The cells of the latest answer to the exercise graded by {@code key} with these arguments. */
    Optional<Map<String, String>> cells(String key, Map<String, Object> args);
}
