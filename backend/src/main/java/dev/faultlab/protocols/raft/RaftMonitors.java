package dev.faultlab.protocols.raft;

import dev.faultlab.check.Verdict;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.NetworkSpec;
import dev.faultlab.sim.Params;
import dev.faultlab.sim.ProcessStatus;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Raft's monitors: the four safety properties and liveness once the network heals (what {@link Raft#monitors}
 * declares), and the two-leaders situation a lab asks for; {@link #watch} runs a recipe with all of them.
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

    /** Election safety, log matching, leader completeness, state machine safety, then leader liveness. */
    static List<Monitor> properties(Params params, NetworkSpec network) {
        return properties(new Cluster(params.getInt("n")), params, network);
    }

    private static List<Monitor> properties(Cluster cluster, Params params, NetworkSpec network) {
        long bound = (long) LIVENESS_TIMEOUTS * params.getInt("electionTimeoutMax");
        return List.of(new ElectionSafety(cluster), new LogMatching(cluster), new LeaderCompleteness(cluster),
                new StateMachineSafety(), new LeaderLiveness(cluster, bound, params.getInt("runFor"), network.loss() > 0));
    }

    public static Watched watch(Recipe recipe, ProtocolRegistry registry) {
        Simulation run = Simulation.start(recipe, registry, (protocol, params, r) -> {
            Cluster cluster = new Cluster(params.getInt("n"));
            List<Monitor> all = new ArrayList<>(properties(cluster, params, r.network()));
            all.add(new TwoLeadersAtOnce(cluster));
            return all;
        });
        run.runToEnd();
        List<Verdict> verdicts = run.monitors().stream().map(Verdict::of).toList();
        return new Watched(run, verdicts.subList(0, 4), verdicts.get(4), verdicts.get(5));
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
