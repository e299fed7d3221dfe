package dev.faultlab.sim;

import java.util.List;
import java.util.function.Predicate;

/**
 * A state worth reaching, named by its protocol ({@link Protocol#goals}): "two leaders at once", "a participant
 * blocked in READY". Not a property that must hold but a situation a student is asked to bring about and the
 * explorer can search for. It is judged on the processes as the state inspector shows them right after each event,
 * so the explorer, which compares states by fingerprint, sees every state that could reach it.
 *
 * @param reached whether the processes, right after an event, are in the goal's state
 */
public record Goal(String name, String description, Predicate<States> reached) {

    /** A fresh monitor that follows one run: it reports the goal, once reached, as its "violation". */
    public Monitor monitor() {
        return new Monitor() {
            private Violation seen;

            @Override
            public String property() {
                return name;
            }

            @Override
            public void onEvent(TraceEvent event, States states) {
                if (seen == null && reached.test(states)) {
                    seen = new Violation(name, event.seq(), "reached at event " + event.seq() + " (t=" + event.time() + "): "
                            + description, List.of(event.seq()));
                }
            }

            @Override
            public Violation violation() {
                return seen;
            }

            @Override
            public String holding() {
                return "not reached: " + description;
            }
        };
    }
}
