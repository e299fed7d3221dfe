package dev.faultlab.check;

import java.util.List;

/**
 * Whether a property held in a run, why, and the trace events that show it
 * (for a violation: the events a student should look at).
 */
public record Verdict(String property, boolean holds, String explanation, List<Integer> witnesses) {

    public static Verdict holds(String property, String explanation) {
        return new Verdict(property, true, explanation, List.of());
    }

    public static Verdict violated(String property, String explanation, List<Integer> witnesses) {
        return new Verdict(property, false, explanation, List.copyOf(witnesses));
    }
}
