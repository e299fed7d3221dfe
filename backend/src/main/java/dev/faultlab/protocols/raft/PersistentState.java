package dev.faultlab.protocols.raft;

import dev.faultlab.sim.StableLog;
import dev.faultlab.sim.StableStorage;

import java.util.List;
import java.util.Map;

/**
 * currentTerm, votedFor and the log, kept in stable storage: every change is written here before the
 * server sends anything that depends on it, so a crash part-way through a handler never leaves a promise
 * (a vote, an acknowledged entry) that the recovered server has forgotten. The log is the kernel's
 * append-only stable log: an append stores one entry.
 */
final class PersistentState {
    static final String TERM = "currentTerm";
    static final String VOTED_FOR = "votedFor";
    static final String LOG = "log";

    private final StableStorage stable;
    private final StableLog<Entry> log;

    private PersistentState(StableStorage stable) {
        this.stable = stable;
        this.log = stable.log(LOG);
    }

    /** A server's first start: stable storage gets the state the run begins with. */
    static PersistentState start(StableStorage stable, int term, List<Entry> initialLog) {
        PersistentState state = new PersistentState(stable);
        stable.put(TERM, term);
        stable.put(VOTED_FOR, null);
        initialLog.forEach(state.log::append);
        return state;
    }

    /** Whether the server ever started on this storage. */
    static boolean written(StableStorage stable) {
        return stable.contains(TERM);
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

    /** A newer term: no vote given in it yet. */
    void newTerm(int term) {
        stable.put(TERM, term);
        stable.put(VOTED_FOR, null);
    }

    void vote(int candidate) {
        stable.put(VOTED_FOR, candidate);
    }

    /** The log, read-only; it follows later appends. */
    List<Entry> log() {
        return log.entries();
    }

    int lastIndex() {
        return log.size();
    }

    int lastTerm() {
        return Logs.lastTerm(log.entries());
    }

    int termAt(int index) {
        return Logs.termAt(log.entries(), index);
    }

    Entry entry(int index) {
        return log.get(index - 1);
    }

    void append(Entry entry) {
        log.append(entry);
    }

    /** Keeps entries 1 to {@code lastKept}. */
    void truncate(int lastKept) {
        log.truncate(lastKept);
    }

    /** The term in a server's stable storage as the state inspector shows it (0 before it started). */
    static int termIn(Map<String, Object> stable) {
        Object term = stable.get(TERM);
        return term == null ? 0 : (Integer) term;
    }

    static Integer votedForIn(Map<String, Object> stable) {
        return (Integer) stable.get(VOTED_FOR);
    }

    /** The log in a server's stable storage as the state inspector shows it: a list of entries. */
    @SuppressWarnings("unchecked")
    static List<Entry> logIn(Map<String, Object> stable) {
        Object log = stable.get(LOG);
        return log == null ? List.of() : (List<Entry>) log;
    }
}
