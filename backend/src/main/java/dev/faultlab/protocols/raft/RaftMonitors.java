package dev.faultlab.protocols.raft;

import dev.faultlab.check.Verdict;
import dev.faultlab.sim.ProcessStatus;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a Raft recipe step by step and feeds every step to the monitors: Raft's four safety properties,
 * liveness once the network heals, and the two-leaders situation a lab asks for.
 */
public final class RaftMonitors {
    /** A healthy cluster must have a leader within this many longest election timeouts. */
    static final int LIVENESS_TIMEOUTS = 20;

    private RaftMonitors() {
    }

    /** What the monitors said about a run, and the run itself, finished. */
    public record Watched(Simulation run, List<Verdict> safety, Verdict liveness, Verdict twoLeaders) {
        public boolean safe() {
            return safety.stream().allMatch(Verdict::holds);
        }

        /** The first safety property that failed, or empty. */
        public java.util.Optional<Verdict> firstViolation() {
            return safety.stream().filter(v -> !v.holds()).findFirst();
        }
    }

    public static Watched watch(Recipe recipe, ProtocolRegistry registry) {
        int servers = Raft.servers(recipe);
        long bound = (long) LIVENESS_TIMEOUTS * Raft.electionTimeoutMax(recipe);
        List<ClusterMonitor> safety = List.of(new ElectionSafety(), new LogMatching(), new LeaderCompleteness(),
                new StateMachineSafety());
        ClusterMonitor liveness = new LeaderLiveness(bound, Raft.runFor(recipe), recipe.network() != null && recipe.network().loss() > 0);
        ClusterMonitor twoLeaders = new TwoLeadersAtOnce();
        List<ClusterMonitor> all = new ArrayList<>(safety);
        all.add(liveness);
        all.add(twoLeaders);

        Simulation run = Simulation.start(recipe, registry);
        int from = 0;
        while (!run.ended()) {
            run.step();
            int size = run.trace().size();
            Step step = new Step(size - 1, run.now(), run.trace().events(from, size), snapshots(run, servers));
            from = size;
            all.forEach(monitor -> monitor.observe(step));
        }
        return new Watched(run, safety.stream().map(ClusterMonitor::verdict).toList(), liveness.verdict(), twoLeaders.verdict());
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
