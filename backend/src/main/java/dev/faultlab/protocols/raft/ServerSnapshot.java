package dev.faultlab.protocols.raft;

import dev.faultlab.sim.ProcessStatus;
import dev.faultlab.sim.States;

import java.util.List;
import java.util.Map;

/**
 * A server as a monitor sees it at one event, read from what the state inspector shows (its state view and its
 * stable storage), never from the live process object.
 *
 * @param role        null while the server is down
 * @param commitIndex 0 while down (volatile state is gone)
 */
public record ServerSnapshot(int id, boolean up, Role role, int term, Integer votedFor, int commitIndex, List<Entry> log) {

    public static ServerSnapshot of(ProcessStatus status) {
        return of(status.node(), status.up(), status.state(), status.stable());
    }

    /** The server right after the event a monitor is reading. */
    static ServerSnapshot of(int node, States states) {
        return of(node, states.up(node), states.state(node), states.stable(node));
    }

    private static ServerSnapshot of(int node, boolean running, Map<String, Object> state, Map<String, Object> stable) {
        boolean up = running && state.containsKey("role");
        Role role = up ? Role.valueOf((String) state.get("role")) : null;
        int commitIndex = up ? (Integer) state.get("commitIndex") : 0;
        return new ServerSnapshot(node, up, role, PersistentState.termIn(stable), PersistentState.votedForIn(stable),
                commitIndex, PersistentState.logIn(stable));
    }

    public boolean leader() {
        return up && role == Role.LEADER;
    }
}
