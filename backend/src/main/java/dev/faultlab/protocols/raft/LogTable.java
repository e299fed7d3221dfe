package dev.faultlab.protocols.raft;

import dev.faultlab.sim.StateDisplay;

import java.util.ArrayList;
import java.util.List;

/** A server's log as the state display shows it: a row per entry (index, term, operation, committed). */
final class LogTable {
    private LogTable() {
    }

    /** The newest {@code limit} entries, oldest first. */
    static StateDisplay.Table table(String title, List<Entry> log, int commitIndex, int limit) {
        List<List<Object>> rows = new ArrayList<>();
        for (int index = Math.max(1, log.size() - limit + 1); index <= log.size(); index++) {
            Entry entry = Logs.entry(log, index);
            rows.add(StateDisplay.Table.row(index, entry.term(), entry.op(), index <= commitIndex));
        }
        return new StateDisplay.Table(title, List.of("index", "term", "operation", "committed"), rows);
    }
}
