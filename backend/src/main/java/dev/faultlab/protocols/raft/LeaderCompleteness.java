package dev.faultlab.protocols.raft;

import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.States;
import dev.faultlab.sim.TraceEvent;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Leader completeness: an entry committed in term t is in the log of every leader of a term after t. The
 * term an entry is committed in is the term of the first server seen to commit it: its leader.
 */
public final class LeaderCompleteness implements Monitor {
    public static final String NAME = "leader completeness";

    private record Committed(Entry entry, int term, int seq) {
    }

    private final Cluster cluster;
    /** In the order they were first committed. */
    private final List<Committed> committed = new ArrayList<>();
    private final BitSet seen = new BitSet();
    private final NewlyCommitted commits = new NewlyCommitted();
    private Violation violation;

    LeaderCompleteness(Cluster cluster) {
        this.cluster = cluster;
    }

    @Override
    public String property() {
        return NAME;
    }

    @Override
    public void onEvent(TraceEvent event, States states) {
        if (cluster.onEvent(event, states).isEmpty()) {
            return;
        }
        commits.forEach(cluster.servers(), (server, entry) -> {
            if (!seen.get(entry.index())) {
                seen.set(entry.index());
                committed.add(new Committed(entry, server.term(), event.seq()));
            }
        });
        if (violation != null) {
            return;
        }
        for (ServerSnapshot server : cluster.servers()) {
            if (server.leader()) {
                check(server, event.seq());
            }
        }
    }

    private void check(ServerSnapshot leader, int seq) {
        for (Committed c : committed) {
            if (violation == null && c.term() < leader.term() && !Logs.holds(leader.log(), c.entry())) {
                violation = new Violation(NAME, seq, StateMachineSafety.describe(c.entry()) + " was committed in term " + c.term()
                        + ", but " + ProcessLabel.of(leader.id()) + " is leader of term " + leader.term() + " without it",
                        List.of(c.seq(), seq));
            }
        }
    }

    @Override
    public Violation violation() {
        return violation;
    }

    @Override
    public String holding() {
        return "every leader held all " + committed.size() + " entries committed in earlier terms";
    }
}
