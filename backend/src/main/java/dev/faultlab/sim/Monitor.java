package dev.faultlab.sim;

import java.util.List;

/**
 * A property checked one event at a time: the same monitor follows a live run (event by event, as they are
 * shown), judges a finished run in grading and prunes the explorer's search. It says at which event the
 * property turned false, with the events that show it.
 */
public interface Monitor {
    String property();

    /** Reads the next event of the run: every event once, in trace order. */
    void onEvent(TraceEvent event);

    /** Where the property first turned false, or null while it holds. */
    Violation violation();

    /** The event at which a property turned false, why, and the events a student should look at. */
    record Violation(String property, int at, String explanation, List<Integer> witnesses) {
        public Violation {
            witnesses = List.copyOf(witnesses);
        }
    }
}
