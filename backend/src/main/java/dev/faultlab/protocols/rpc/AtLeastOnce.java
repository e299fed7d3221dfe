package dev.faultlab.protocols.rpc;

import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.States;
import dev.faultlab.sim.TraceEvent;

import java.util.List;

/** At-least-once: every call a client sent was carried out by the end of the run. Open until the run ends. */
public final class AtLeastOnce implements Monitor {
    public static final String NAME = "at-least-once";

    private final Executions executions = new Executions();
    private Violation violation;

    @Override
    public String property() {
        return NAME;
    }

    @Override
    public void onEvent(TraceEvent event, States states) {
        executions.read(event);
        if (event.kind() == EventKind.END) {
            CallId missing = executions.neverCarriedOut();
            if (missing != null) {
                violation = new Violation(NAME, event.seq(), missing + " was sent but never carried out",
                        List.of(executions.issued().get(missing)));
            }
        }
    }

    @Override
    public Violation violation() {
        return violation;
    }

    @Override
    public String holding() {
        return executions.issued().isEmpty() ? "no call was sent" : "every call sent was carried out";
    }

    @Override
    public boolean judgedAtEnd() {
        return true;
    }
}
