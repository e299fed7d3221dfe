package dev.faultlab.protocols.rpc;

import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.States;
import dev.faultlab.sim.TraceEvent;

/**
 * Exactly-once: at most once and at least once together. It fails as soon as a call takes effect twice, or at the
 * end when a call was never carried out.
 */
public final class ExactlyOnce implements Monitor {
    public static final String NAME = "exactly-once";

    private final AtMostOnce atMost = new AtMostOnce();
    private final AtLeastOnce atLeast = new AtLeastOnce();

    @Override
    public String property() {
        return NAME;
    }

    @Override
    public void onEvent(TraceEvent event, States states) {
        atMost.onEvent(event, states);
        atLeast.onEvent(event, states);
    }

    @Override
    public Violation violation() {
        Violation broken = atMost.violation() != null ? atMost.violation() : atLeast.violation();
        return broken == null ? null : new Violation(NAME, broken.at(), broken.explanation(), broken.witnesses());
    }

    @Override
    public String holding() {
        return "every call sent was carried out, none took effect twice";
    }

    @Override
    public boolean judgedAtEnd() {
        return true;
    }
}
