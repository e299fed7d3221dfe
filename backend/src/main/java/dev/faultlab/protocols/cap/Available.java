package dev.faultlab.protocols.cap;

import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.States;
import dev.faultlab.sim.TraceEvent;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Availability: every request a replica receives while it is up gets an answer that is not a refusal. It turns false
 * at a refusal; a request still unanswered when the run ends counts too, unless its replica crashed after receiving it.
 */
public final class Available implements Monitor {
    public static final String NAME = "every request answered";

    private final RegisterHistory history = new RegisterHistory();
    /** Requests whose replica crashed before answering: the property does not ask a crashed replica to answer. */
    private final Set<Integer> excused = new HashSet<>();
    private Violation violation;
    private int answered;

    @Override
    public String property() {
        return NAME;
    }

    @Override
    public void onEvent(TraceEvent event, States states) {
        RegisterHistory.Op op = history.onEvent(event);
        if (violation != null) {
            return;
        }
        if (op != null && op.refused()) {
            violation = new Violation(NAME, event.seq(), "P" + (op.node + 1) + " refused " + op.describe()
                    + ": it could not reach a majority of replicas", List.of(op.invoked, op.responded));
        } else if (op != null) {
            answered++;
        } else if (event.kind() == EventKind.CRASH) {
            history.ops().stream().filter(o -> o.node == event.node() && !o.answered()).forEach(o -> excused.add(o.request));
        } else if (event.kind() == EventKind.END) {
            history.ops().stream().filter(o -> !o.answered() && !excused.contains(o.request)).findFirst()
                    .ifPresent(o -> violation = new Violation(NAME, event.seq(), "P" + (o.node + 1) + " never answered "
                            + o.describe(), List.of(o.invoked)));
        }
    }

    @Override
    public Violation violation() {
        return violation;
    }

    @Override
    public String holding() {
        return answered == 0 ? "no request was answered yet" : "all " + answered + " requests answered so far got an answer";
    }
}
