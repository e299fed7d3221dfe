package dev.faultlab.protocols.paxos;

import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.States;
import dev.faultlab.sim.TraceEvent;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * No two servers execute different operations at the same timestamp. Read from the executions ({@link Output.Commit}
 * of an {@link Op}); a server that executed and crashed afterwards still counts: its client may have its answer.
 */
public final class SameOpPerTimestamp implements Monitor {
    public static final String NAME = "same operation at each timestamp";

    private record Executed(Op op, int server, int seq) {
    }

    /** Looked up by key only. */
    private final Map<Long, Executed> first = new HashMap<>();
    private Violation violation;

    @Override
    public String property() {
        return NAME;
    }

    @Override
    public void onEvent(TraceEvent event, States states) {
        if (violation != null || !(Output.of(event) instanceof Output.Commit commit) || !(commit.entry() instanceof Op op)) {
            return;
        }
        Executed earlier = first.putIfAbsent(commit.index(), new Executed(op, event.node(), event.seq()));
        if (earlier != null && !earlier.op().equals(op)) {
            violation = new Violation(NAME, event.seq(), ProcessLabel.of(earlier.server()) + " executed " + earlier.op() + " at timestamp "
                    + commit.index() + " but " + ProcessLabel.of(event.node()) + " executed " + op + " there",
                    List.of(earlier.seq(), event.seq()));
        }
    }

    @Override
    public Violation violation() {
        return violation;
    }

    @Override
    public String holding() {
        return first.isEmpty() ? "nothing was executed yet" : "every server executed the same operation at each of the "
                + first.size() + " timestamps executed";
    }
}
