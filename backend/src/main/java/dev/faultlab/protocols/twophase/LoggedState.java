package dev.faultlab.protocols.twophase;

import dev.faultlab.sim.Context;
import dev.faultlab.sim.StateDisplay;
import dev.faultlab.sim.StableStorage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A process's protocol state, kept write-ahead: every state it enters is appended to the log in stable
 * storage before the process acts on it (sends, decides), so after a crash the last log record is exactly
 * the state the process had promised anything from. A participant's vote is logged the same way.
 */
final class LoggedState {
    static final String LOG_KEY = "log";
    static final String VOTE_KEY = "vote";

    private State current = State.INIT;
    /** Known from the process's first handler on; the kernel offers stable storage only through the context. */
    private StableStorage stable;

    /** Starts a fresh process on its (empty) stable storage. */
    void open(Context ctx) {
        stable = ctx.stable();
    }

    /** After a crash only stable storage survived: the process is in the last state it logged (INIT if none). */
    State recover(Context ctx) {
        stable = ctx.stable();
        current = lastState(entries());
        ctx.stateChanged("recovered from the log → " + current);
        return current;
    }

    /** Logs {@code next}, then takes it on; entering COMMIT or ABORT is the decision. */
    void enter(Context ctx, State next) {
        List<LogEntry> log = new ArrayList<>(entries());
        log.add(new LogEntry(ctx.now(), next));
        stable.put(LOG_KEY, List.copyOf(log));
        ctx.stateChanged(current == next ? next.name() : current + " → " + next);
        current = next;
        if (next.isDecision()) {
            ctx.decide(next.name());
        }
    }

    void logVote(Vote vote) {
        stable.put(VOTE_KEY, vote);
    }

    State current() {
        return current;
    }

    /** The logged vote, or null before voting. */
    Vote vote() {
        return stable == null ? null : stable.get(VOTE_KEY);
    }

    /** The write-ahead log for the state display: a row per record. */
    StateDisplay.Table table() {
        List<List<Object>> rows = entries().stream().map(e -> StateDisplay.Table.row(e.time(), e.state().name())).toList();
        return new StateDisplay.Table("Write-ahead log", List.of("time", "state"), rows);
    }

    List<LogEntry> entries() {
        return stable == null || !stable.contains(LOG_KEY) ? List.of() : stable.get(LOG_KEY);
    }

    /** The log as a checker sees it, in a node's stable storage view. */
    @SuppressWarnings("unchecked")
    static List<LogEntry> entriesIn(Map<String, Object> stableView) {
        Object log = stableView.get(LOG_KEY);
        return log == null ? List.of() : (List<LogEntry>) log;
    }

    static State lastState(List<LogEntry> log) {
        return log.isEmpty() ? State.INIT : log.get(log.size() - 1).state();
    }
}
