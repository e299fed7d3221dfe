package dev.faultlab.protocols.raft;

import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.check.Verdict;

import java.util.List;
import java.util.TreeMap;

/** Election safety: at most one leader is elected in a term. */
public final class ElectionSafety implements ClusterMonitor {
    public static final String NAME = "election safety";

    /** term → the leader seen in it and the event where it was first seen. */
    private final TreeMap<Integer, int[]> leaders = new TreeMap<>();
    private Verdict violation;

    @Override
    public void observe(Step step) {
        for (ServerSnapshot server : step.servers()) {
            if (!server.leader()) {
                continue;
            }
            int[] known = leaders.putIfAbsent(server.term(), new int[]{server.id(), step.seq()});
            if (known != null && known[0] != server.id() && violation == null) {
                violation = Verdict.violated(NAME, ProcessLabel.of(known[0]) + " and " + ProcessLabel.of(server.id()) + " were both leader of term "
                        + server.term(), List.of(known[1], step.seq()));
            }
        }
    }

    @Override
    public Verdict verdict() {
        return violation != null ? violation
                : Verdict.holds(NAME, leaders.isEmpty() ? "no leader was elected" : "one leader in each of the "
                + leaders.size() + " terms that had one");
    }
}
