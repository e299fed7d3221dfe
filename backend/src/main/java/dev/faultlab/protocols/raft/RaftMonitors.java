package dev.faultlab.protocols.raft;

import dev.faultlab.check.Verdict;
import dev.faultlab.sim.ProcessStatus;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.TraceEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a Raft recipe step by step and feeds every step to the monitors: Raft's four safety properties,
 * liveness once the network heals, and the two-leaders situation a lab asks for.
 */
public final class RaftMonitors {
    /** A healthy cluster must have a leader within this many longest election timeouts. */
    static final int LIVENESS_TIMEOUTS = 10;

    private RaftMonitors() {
    }

    /** What the monitors said about a run, and the run itself, finished. */
    public record Watched(Simulation run, List<Verdict> safety, Verdict liveness, Verdict twoLeaders) {
        /** The first safety property that failed, or empty. */
        public Optional<Verdict> firstViolation() {
            return safety.stream().filter(v -> !v.holds()).findFirst();
        }
    }

    public static Watched watch(Recipe recipe, ProtocolRegistry registry) {
        long bound = (long) LIVENESS_TIMEOUTS * Raft.electionTimeoutMax(recipe);
        List<ClusterMonitor> safety = List.of(new ElectionSafety(), new LogMatching(), new LeaderCompleteness(),
                new StateMachineSafety());
        ClusterMonitor liveness = new LeaderLiveness(bound, Raft.runFor(recipe), recipe.network() != null && recipe.network().loss() > 0);
        ClusterMonitor twoLeaders = new TwoLeadersAtOnce();
        Simulation run = Simulation.start(recipe, registry);
        int count = Raft.servers(recipe);
        List<ServerSnapshot> servers = snapshots(run, count);
        int from = 0;
        while (!run.ended()) {
            run.step();
            int size = run.trace().size();
            List<TraceEvent> events = run.trace().events(from, size);
            boolean changed = changesServers(events, count);
            if (changed) {
                servers = snapshots(run, count);
            }
            Step step = new Step(size - 1, run.now(), events, servers);
            from = size;
            liveness.observe(step);
            if (changed) {
                safety.forEach(monitor -> monitor.observe(step));
                twoLeaders.observe(step);
            }
        }
        return new Watched(run, safety.stream().map(ClusterMonitor::verdict).toList(), liveness.verdict(), twoLeaders.verdict());
    }

    /** Every server right after everything that happens at or before {@code time} in the recipe's run. */
    public static List<ServerSnapshot> serversAt(Recipe recipe, ProtocolRegistry registry, long time) {
        int count = Raft.servers(recipe);
        Simulation run = Simulation.start(recipe, registry);
        List<ServerSnapshot> before = snapshots(run, count);
        while (!run.ended()) {
            run.step();
            if (run.now() > time) {
                return before;
            }
            before = snapshots(run, count);
        }
        return before;
    }

    /**
     * Whether a step can have changed a server: only its handlers, crashes and recoveries do. Steps that only
     * deliver to clients or drop messages are skipped, which saves building every state view again.
     */
    private static boolean changesServers(List<TraceEvent> events, int servers) {
        for (TraceEvent event : events) {
            if (event.node() >= 0 && event.node() < servers && event.kind() != EventKind.SEND && event.kind() != EventKind.DROP
                    && event.kind() != EventKind.DUPLICATE) {
                return true;
            }
        }
        return false;
    }

    /** Every server of a Raft run as it is now. */
    public static List<ServerSnapshot> snapshots(Simulation run) {
        return snapshots(run, Raft.servers(run.recipe()));
    }

    static List<ServerSnapshot> snapshots(Simulation run, int servers) {
        List<ProcessStatus> processes = run.processes();
        List<ServerSnapshot> snapshots = new ArrayList<>(servers);
        for (int server = 0; server < servers; server++) {
            snapshots.add(ServerSnapshot.of(processes.get(server)));
        }
        return snapshots;
    }
}
