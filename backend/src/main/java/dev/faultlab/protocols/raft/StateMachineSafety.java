package dev.faultlab.protocols.raft;

import dev.faultlab.check.Verdict;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** State machine safety: no two servers apply different entries at the same index. */
public final class StateMachineSafety implements ClusterMonitor {
    public static final String NAME = "state machine safety";

    private record Applied(Entry entry, int server, int seq) {
    }

    /** index → the first entry applied there; looked up by key only. */
    private final Map<Integer, Applied> applied = new HashMap<>();
    private final NewlyCommitted commits = new NewlyCommitted();
    private Verdict violation;

    @Override
    public void observe(Step step) {
        commits.forEach(step, (server, entry) -> {
            Applied first = applied.putIfAbsent(entry.index(), new Applied(entry, server.id(), step.seq()));
            if (first != null && !first.entry().equals(entry) && violation == null) {
                violation = Verdict.violated(NAME, "P" + first.server() + " applied " + describe(first.entry()) + " but P"
                        + server.id() + " applied " + describe(entry), List.of(first.seq(), step.seq()));
            }
        });
    }

    static String describe(Entry entry) {
        return entry.op() + " (term " + entry.term() + ") at #" + entry.index();
    }

    @Override
    public Verdict verdict() {
        return violation != null ? violation
                : Verdict.holds(NAME, applied.isEmpty() ? "no entry was applied" : "every server applied the same entry at each of the "
                + applied.size() + " indices applied");
    }
}
