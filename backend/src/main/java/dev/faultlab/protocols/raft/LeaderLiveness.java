package dev.faultlab.protocols.raft;

import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.States;
import dev.faultlab.sim.TraceEvent;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Liveness once the network heals: whenever the cluster has been healthy for {@code bound} ticks since the
 * last fault (no partition or cut link in force, a majority of servers up), a leader was elected in that
 * stretch that a majority of servers follow (they are in its term). Faults that lose messages at random
 * (omissions, lossy links or network) void the promise for the rest of the run, as does a lossy network.
 */
public final class LeaderLiveness implements Monitor {
    public static final String NAME = "leader elected";

    private final Cluster cluster;
    private final long bound;
    private final long lastTimer;
    private boolean lossy;
    private boolean partitioned;
    private final Set<String> linksDown = new TreeSet<>();
    /** Start of the current healthy stretch, or -1 while the cluster is not healthy. */
    private long healthySince;
    private boolean leaderInStretch;
    private int stretches;
    private Violation violation;

    /**
     * @param bound        ticks within which a healthy cluster must elect a leader
     * @param lastTimer    the run's {@code runFor}: no election can start later, so stretches reaching past it are not judged
     * @param lossyNetwork whether the recipe's network loses messages at random
     */
    LeaderLiveness(Cluster cluster, long bound, long lastTimer, boolean lossyNetwork) {
        this.cluster = cluster;
        this.bound = bound;
        this.lastTimer = lastTimer;
        this.lossy = lossyNetwork;
        this.healthySince = lossyNetwork ? -1 : 0;
    }

    @Override
    public String property() {
        return NAME;
    }

    @Override
    public void onEvent(TraceEvent event, States states) {
        cluster.onEvent(event, states);
        boolean faulted = false;
        if (event.kind() == EventKind.FAULT && event.payload() instanceof Fault fault) {
            faulted = true;
            apply(fault);
        }
        List<ServerSnapshot> servers = cluster.servers();
        boolean healthy = !lossy && !partitioned && linksDown.isEmpty() && majorityUp(servers);
        if (!healthy) {
            healthySince = -1;
            return;
        }
        if (faulted || healthySince < 0) {
            healthySince = event.time();
            leaderInStretch = false;
            stretches++;
        }
        if (!leaderInStretch && followedLeader(servers)) {
            leaderInStretch = true;
        }
        if (!leaderInStretch && violation == null && event.time() >= healthySince + bound && healthySince + bound <= lastTimer) {
            violation = new Violation(NAME, event.seq(), "the cluster was healthy from t=" + healthySince + " to t=" + event.time()
                    + " and no leader was elected", List.of(event.seq()));
        }
    }

    private void apply(Fault fault) {
        FaultKind kind = fault.kind();
        switch (kind) {
            case PARTITION -> partitioned = true;
            case HEAL -> partitioned = false;
            case LINK_DOWN -> linksDown.add(link(fault));
            case LINK_UP -> linksDown.remove(link(fault));
            case SEND_OMISSION, RECEIVE_OMISSION, LINK_LOSS, TIMING -> lossy = true;
            case NETWORK -> lossy |= fault.params().get("loss") instanceof Number loss && loss.doubleValue() > 0;
            default -> {
            }
        }
    }

    private static String link(Fault fault) {
        int a = fault.targetNode();
        int b = ((Number) fault.params().get("to")).intValue();
        return Math.min(a, b) + "-" + Math.max(a, b);
    }

    private static boolean majorityUp(List<ServerSnapshot> servers) {
        return servers.stream().filter(ServerSnapshot::up).count() > servers.size() / 2;
    }

    /** A leader whose term a majority of servers are in. */
    private static boolean followedLeader(List<ServerSnapshot> servers) {
        for (ServerSnapshot leader : servers) {
            if (leader.leader()) {
                long inTerm = servers.stream().filter(s -> s.up() && s.term() == leader.term()).count();
                if (inTerm > servers.size() / 2) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public Violation violation() {
        return violation;
    }

    @Override
    public String holding() {
        return stretches == 0 ? "the cluster was never healthy, so no leader was promised"
                : "a leader was elected within " + bound + " ticks of every healthy stretch long enough to judge";
    }
}
