package dev.faultlab.protocols.raft;

import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.TraceEvent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Running Raft recipes in tests and reading what the servers hold. */
final class RaftRuns {
    private RaftRuns() {
    }

    static Recipe recipe(Map<String, Object> params, long seed, List<Fault> faults) {
        return Recipe.of(Raft.ID, params, seed).withFaults(faults);
    }

    static RaftMonitors.Watched watch(Recipe recipe) {
        return RaftMonitors.watch(recipe, Protocols.registry());
    }

    static Simulation run(Recipe recipe) {
        Simulation sim = Simulation.start(recipe, Protocols.registry());
        sim.runToEnd();
        return sim;
    }

    static Map<String, Object> params(Object... pairs) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.put((String) pairs[i], pairs[i + 1]);
        }
        return params;
    }

    static List<ServerSnapshot> servers(Simulation sim) {
        return RaftMonitors.snapshots(sim);
    }

    static List<String> notes(Simulation sim, int node) {
        return sim.trace().events().stream()
                .filter(e -> (e.kind() == EventKind.NOTE || e.kind() == EventKind.STATE) && e.node() == node)
                .map(e -> String.valueOf(e.payload()))
                .toList();
    }

    /** The servers after every event up to {@code time} has happened (a fault at {@code time} applies before them). */
    static List<ServerSnapshot> serversAt(Recipe recipe, long time) {
        return RaftMonitors.serversAt(recipe, Protocols.registry(), time);
    }

    static int leaderAt(Recipe recipe, long time) {
        return serversAt(recipe, time).stream().filter(ServerSnapshot::leader).mapToInt(ServerSnapshot::id).findFirst()
                .orElseThrow(() -> new AssertionError("no leader at t=" + time));
    }

    /** The request numbers a client was told are committed, in order. */
    static List<Integer> answered(Simulation sim, int client) {
        return sim.trace().events().stream()
                .filter(e -> e.kind() == EventKind.DELIVER && e.node() == client && e.payload() instanceof ClientReply)
                .map(e -> ((ClientReply) e.payload()).seq())
                .distinct()
                .toList();
    }

    /** The trace as text, for a failing assertion's description. */
    static String dump(Simulation sim) {
        StringBuilder text = new StringBuilder();
        for (TraceEvent e : sim.trace().events()) {
            text.append(e.seq()).append(" t=").append(e.time()).append(' ').append(e.kind()).append(" P").append(e.node())
                    .append(e.peer() >= 0 ? " peer P" + e.peer() : "").append(' ').append(e.payload())
                    .append(e.detail() == null ? "" : " (" + e.detail() + ")").append('\n');
        }
        return text.toString();
    }
}
