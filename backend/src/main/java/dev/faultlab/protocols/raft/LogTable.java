package dev.faultlab.protocols.raft;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A server's log as the state display shows it: a row per entry (index, term, operation, committed). */
final class LogTable {
    private LogTable() {
    }

    /** The newest {@code limit} entries, oldest first. */
    static List<Map<String, Object>> rows(List<Entry> log, int commitIndex, int limit) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int index = Math.max(1, log.size() - limit + 1); index <= log.size(); index++) {
            Entry entry = Logs.entry(log, index);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("index", index);
            row.put("term", entry.term());
            row.put("operation", entry.op());
            row.put("committed", index <= commitIndex);
            rows.add(row);
        }
        return rows;
    }
}
