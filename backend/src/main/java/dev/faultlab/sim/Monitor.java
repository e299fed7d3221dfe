package dev.faultlab.sim;

import java.util.List;

/**
 * A property checked one event at a time: the same monitor follows a live run, judges a finished run in grading
 * and prunes the explorer's search. It says at which event the property turned false, with the events that show
 * it. A protocol names its monitors in {@link Protocol#monitors}; a run started with them
 * ({@link Simulation#start(Recipe, ProtocolRegistry, MonitorSource)}) feeds them as the kernel writes each event.
 */
public interface Monitor {
    String property();

    /**
     * Reads the next event of the run: every event once, in trace order. {@code states} shows the processes right
     * after it (as the state inspector would at this event), built only when asked for.
     */
    void onEvent(TraceEvent event, States states);

    /**
     * Where the property is false as of the events read, or null while it holds. A violation may be withdrawn
     * later only where the property itself looks at the whole run: a process that turns faulty no longer counts,
     * so a disagreement it was part of no longer breaks agreement.
     */
    Violation violation();

    /** Why the property holds so far, for a verdict; read while {@link #violation()} is null. */
    default String holding() {
        return "no event broke it";
    }

    /** True for a property judged once the run ends (termination): it is open until the END event. */
    default boolean judgedAtEnd() {
        return false;
    }

    /** The event at which a property turned false, why, and the events a student should look at. */
    record Violation(String property, int at, String explanation, List<Integer> witnesses) {
        public Violation {
            witnesses = List.copyOf(witnesses);
        }
    }
}
