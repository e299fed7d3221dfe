package dev.faultlab.protocols.raft;

import dev.faultlab.sim.ProcessStatus;
import dev.faultlab.sim.StableStorage;

import java.util.Map;

/**
 * currentTerm, votedFor and the log, kept in stable storage: every change is written here before the
 * server sends anything that depends on it, so a crash part-way through a handler never leaves a promise
 * (a vote, an acknowledged entry) that the recovered server has forgotten. The log is an immutable
 * {@link RaftLog}, so storing the new version after an append copies nothing.
 */
final class PersistentState {
    static final String TERM = "currentTerm";
    static final String VOTED_FOR = "votedFor";
    static final String LOG = "log";

    private final StableStorage stable;

    private PersistentState(StableStorage stable) {
        this.stable = stable;
    }

    /** A server's first start: stable storage gets the state the run begins with. */
    static PersistentState start(StableStorage stable, int term, RaftLog log) {
        PersistentState state = new PersistentState(stable);
        stable.put(TERM, term);
        stable.put(VOTED_FOR, null);
        stable.put(LOG, log);
        return state;
    }

    static PersistentState recover(StableStorage stable) {
        return new PersistentState(stable);
    }

    int term() {
        return stable.get(TERM);
    }

    /** The candidate this server voted for in its current term, or null. */
    Integer votedFor() {
        return stable.get(VOTED_FOR);
    }

    RaftLog log() {
        return stable.get(LOG);
    }

    /** A newer term: no vote given in it yet. */
    void newTerm(int term) {
        stable.put(TERM, term);
        stable.put(VOTED_FOR, null);
    }

    void vote(int candidate) {
        stable.put(VOTED_FOR, candidate);
    }

    void log(RaftLog log) {
        stable.put(LOG, log);
    }

    /** The term in a server's stable storage as the state inspector shows it (0 before it started). */
    static int termIn(ProcessStatus status) {
        Object term = status.stable().get(TERM);
        return term == null ? 0 : (Integer) term;
    }

    static Integer votedForIn(ProcessStatus status) {
        return (Integer) status.stable().get(VOTED_FOR);
    }

    static RaftLog logIn(ProcessStatus status) {
        Map<String, Object> stable = status.stable();
        Object log = stable.get(LOG);
        return log == null ? RaftLog.empty() : (RaftLog) log;
    }
}
