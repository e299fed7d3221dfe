package dev.faultlab.protocols.paxos;

import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.States;
import dev.faultlab.sim.TraceEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sequences of operations the servers execute are prefixes of one another: each server's sequence, in the
 * order it executes, is a prefix of the longest one. A recovered server starts its sequence again (it executes
 * from the beginning once more), so it is compared from the start.
 */
public final class PrefixOrder implements Monitor {
    public static final String NAME = "executed sequences are prefixes";

    private record Executed(Op op, int server, int seq) {
    }

    private final List<Executed> longest = new ArrayList<>();
    /** Server → how many operations it executed in its current life; by key only. */
    private final Map<Integer, Integer> done = new HashMap<>();
    private Violation violation;

    @Override
    public String property() {
        return NAME;
    }

    @Override
    public void onEvent(TraceEvent event, States states) {
        if (violation != null) {
            return;
        }
        if (event.kind() == EventKind.RECOVER) {
            done.remove(event.node());
            return;
        }
        if (!(Output.of(event) instanceof Output.Commit commit) || !(commit.entry() instanceof Op op)) {
            return;
        }
        int position = done.getOrDefault(event.node(), 0);
        done.put(event.node(), position + 1);
        if (position == longest.size()) {
            longest.add(new Executed(op, event.node(), event.seq()));
            return;
        }
        Executed there = longest.get(position);
        if (!there.op().equals(op)) {
            violation = new Violation(NAME, event.seq(), ProcessLabel.of(event.node()) + " executed " + op + " as its operation number "
                    + (position + 1) + " where " + ProcessLabel.of(there.server()) + " executed " + there.op()
                    + ": neither sequence is a prefix of the other", List.of(there.seq(), event.seq()));
        }
    }

    @Override
    public Violation violation() {
        return violation;
    }

    @Override
    public String holding() {
        return longest.isEmpty() ? "nothing was executed yet" : "every server executed a prefix of the same " + longest.size()
                + " operations";
    }
}
