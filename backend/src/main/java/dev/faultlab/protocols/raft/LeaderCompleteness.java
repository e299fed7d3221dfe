package dev.faultlab.protocols.raft;

import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.check.Verdict;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Leader completeness: an entry committed in term t is in the log of every leader of a term after t. The
 * term an entry is committed in is the term of the first server seen to commit it: its leader.
 */
public final class LeaderCompleteness implements ClusterMonitor {
    public static final String NAME = "leader completeness";

    private record Committed(Entry entry, int term, int seq) {
    }

    /** In the order they were first committed. */
    private final List<Committed> committed = new ArrayList<>();
    private final BitSet seen = new BitSet();
    private final NewlyCommitted commits = new NewlyCommitted();
    private Verdict violation;

    @Override
    public void observe(Step step) {
        commits.forEach(step, (server, entry) -> {
            if (!seen.get(entry.index())) {
                seen.set(entry.index());
                committed.add(new Committed(entry, server.term(), step.seq()));
            }
        });
        if (violation != null) {
            return;
        }
        for (ServerSnapshot server : step.servers()) {
            if (server.leader()) {
                check(server, step.seq());
            }
        }
    }

    private void check(ServerSnapshot leader, int seq) {
        for (Committed c : committed) {
            if (c.term() < leader.term() && !Logs.holds(leader.log(), c.entry())) {
                violation = Verdict.violated(NAME, StateMachineSafety.describe(c.entry()) + " was committed in term " + c.term()
                        + ", but " + ProcessLabel.of(leader.id()) + " is leader of term " + leader.term() + " without it", List.of(c.seq(), seq));
                return;
            }
        }
    }

    @Override
    public Verdict verdict() {
        return violation != null ? violation
                : Verdict.holds(NAME, "every leader held all " + committed.size() + " entries committed in earlier terms");
    }
}
