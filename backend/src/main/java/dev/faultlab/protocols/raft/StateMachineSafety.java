package dev.faultlab.protocols.raft;

import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.States;
import dev.faultlab.sim.TraceEvent;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * State machine safety: no two servers apply different entries at the same index. Read from the servers'
 * typed outputs alone ({@link Output.Commit}, one per entry applied), one event at a time: it needs no state.
 */
public final class StateMachineSafety implements Monitor {
    public static final String NAME = "state machine safety";

    private record Applied(Entry entry, int server, int seq) {
    }

    /** index → the first entry applied there; looked up by key only. */
    private final Map<Long, Applied> applied = new HashMap<>();
    private Violation violation;

    @Override
    public String property() {
        return NAME;
    }

    @Override
    public void onEvent(TraceEvent event, States states) {
        if (violation != null || !(Output.of(event) instanceof Output.Commit commit) || !(commit.entry() instanceof Entry entry)) {
            return;
        }
        Applied first = applied.putIfAbsent(commit.index(), new Applied(entry, event.node(), event.seq()));
        if (first != null && !first.entry().equals(entry)) {
            violation = new Violation(NAME, event.seq(), ProcessLabel.of(first.server()) + " applied " + describe(first.entry()) + " but "
                    + ProcessLabel.of(event.node()) + " applied " + describe(entry), List.of(first.seq(), event.seq()));
        }
    }

    @Override
    public Violation violation() {
        return violation;
    }

    static String describe(Entry entry) {
        return entry.op() + " (term " + entry.term() + ") at #" + entry.index();
    }

    @Override
    public String holding() {
        return applied.isEmpty() ? "no entry was applied" : "every server applied the same entry at each of the "
                + applied.size() + " indices applied";
    }
}
