package dev.faultlab.protocols.rpc;

import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.States;
import dev.faultlab.sim.TraceEvent;

import java.util.List;

/**
 * At-most-once: no call takes effect twice. A call carried out a second time breaks it, unless its operation is
 * idempotent (setting a balance again changes nothing), which the verdict mentions instead.
 */
public final class AtMostOnce implements Monitor {
    public static final String NAME = "at-most-once";

    private final Executions executions = new Executions();
    private Violation violation;
    private String harmless;

    @Override
    public String property() {
        return NAME;
    }

    @Override
    public void onEvent(TraceEvent event, States states) {
        Execution execution = executions.read(event);
        if (execution == null || violation != null) {
            return;
        }
        CallId call = new CallId(execution.client(), execution.seq());
        List<TraceEvent> done = executions.of(call);
        if (done.size() < 2) {
            return;
        }
        if (execution.idempotent()) {
            harmless = call + " ran " + done.size() + " times, harmlessly: " + execution.operation() + " is idempotent";
            return;
        }
        TraceEvent first = done.get(0);
        violation = new Violation(NAME, event.seq(), call + " (" + execution.operation() + ") took effect twice: at t="
                + first.time() + " (attempt " + Execution.attemptOf(first) + ") and at t=" + event.time() + " (attempt "
                + execution.attempt() + ")", List.of(first.seq(), event.seq()));
    }

    @Override
    public Violation violation() {
        return violation;
    }

    @Override
    public String holding() {
        return harmless != null ? harmless : "no call took effect more than once";
    }
}
