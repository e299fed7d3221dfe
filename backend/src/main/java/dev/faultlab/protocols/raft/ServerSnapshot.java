package dev.faultlab.protocols.raft;

import dev.faultlab.sim.ProcessStatus;

import java.util.List;

/**
 * A server as a monitor sees it between two steps, read from what the state inspector shows (its state
 * view and its stable storage), never from the live process object.
 *
 * @param role        null while the server is down
 * @param commitIndex 0 while down (volatile state is gone)
 */
public record ServerSnapshot(int id, boolean up, Role role, int term, Integer votedFor, int commitIndex, List<Entry> log) {

    public static ServerSnapshot of(ProcessStatus status) {
        boolean up = status.up() && status.state().containsKey("role");
        Role role = up ? Role.valueOf((String) status.state().get("role")) : null;
        int commitIndex = up ? (Integer) status.state().get("commitIndex") : 0;
        return new ServerSnapshot(status.node(), up, role, PersistentState.termIn(status), PersistentState.votedForIn(status),
                commitIndex, PersistentState.logIn(status));
    }

    public boolean leader() {
        return up && role == Role.LEADER;
    }
}
