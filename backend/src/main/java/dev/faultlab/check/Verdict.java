package dev.faultlab.check;

import dev.faultlab.sim.Monitor;

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

    /** What a monitor says after the events it has read. */
    public static Verdict of(Monitor monitor) {
        Monitor.Violation violation = monitor.violation();
        return violation == null ? holds(monitor.property(), monitor.holding())
                : violated(monitor.property(), violation.explanation(), violation.witnesses());
    }
}
