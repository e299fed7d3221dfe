package dev.faultlab.protocols.raft;

import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.States;
import dev.faultlab.sim.TraceEvent;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Election safety: at most one leader is elected in a term. */
public final class ElectionSafety implements Monitor {
    public static final String NAME = "election safety";

    private final Cluster cluster;
    /** term → the leader seen in it and the event where it was first seen; looked up by key only. */
    private final Map<Integer, int[]> leaders = new HashMap<>();
    private Violation violation;

    ElectionSafety(Cluster cluster) {
        this.cluster = cluster;
    }

    @Override
    public String property() {
        return NAME;
    }

    @Override
    public void onEvent(TraceEvent event, States states) {
        for (int id : cluster.onEvent(event, states)) {
            ServerSnapshot server = cluster.server(id);
            if (!server.leader()) {
                continue;
            }
            int[] known = leaders.putIfAbsent(server.term(), new int[]{server.id(), event.seq()});
            if (known != null && known[0] != server.id() && violation == null) {
                violation = new Violation(NAME, event.seq(), ProcessLabel.of(known[0]) + " and " + ProcessLabel.of(server.id())
                        + " were both leader of term " + server.term(), List.of(known[1], event.seq()));
            }
        }
    }

    @Override
    public Violation violation() {
        return violation;
    }

    @Override
    public String holding() {
        return leaders.isEmpty() ? "no leader was elected" : "one leader in each of the " + leaders.size() + " terms that had one";
    }
}
