package dev.faultlab.protocols.raft;

import dev.faultlab.check.Verdict;

import java.util.List;

/**
 * Log matching: if two logs hold an entry with the same index and term, they are identical up to and
 * including it. Checked again whenever a log changed.
 */
public final class LogMatching implements ClusterMonitor {
    public static final String NAME = "log matching";

    private List<RaftLog> previous = List.of();
    private Verdict violation;

    @Override
    public void observe(Step step) {
        List<RaftLog> logs = step.servers().stream().map(ServerSnapshot::log).toList();
        if (violation != null || sameLogs(logs)) {
            return;
        }
        previous = logs;
        for (int a = 0; a < logs.size(); a++) {
            for (int b = a + 1; b < logs.size(); b++) {
                String problem = mismatch(logs.get(a), logs.get(b));
                if (problem != null) {
                    violation = Verdict.violated(NAME, "P" + a + " and P" + b + ": " + problem, List.of(step.seq()));
                    return;
                }
            }
        }
    }

    /** Logs are immutable values: the same objects as last step means nothing changed. */
    private boolean sameLogs(List<RaftLog> logs) {
        if (logs.size() != previous.size()) {
            return false;
        }
        for (int i = 0; i < logs.size(); i++) {
            if (logs.get(i) != previous.get(i)) {
                return false;
            }
        }
        return true;
    }

    /** Null if the logs match; else what differs below the highest index where their terms agree. */
    static String mismatch(RaftLog a, RaftLog b) {
        for (int index = Math.min(a.lastIndex(), b.lastIndex()); index >= 1; index--) {
            if (a.termAt(index) == b.termAt(index)) {
                for (int i = index; i >= 1; i--) {
                    if (!a.entry(i).equals(b.entry(i))) {
                        return "both hold an entry of term " + a.termAt(index) + " at index " + index + " but differ at index "
                                + i + " (" + a.entry(i).op() + ", term " + a.termAt(i) + " vs " + b.entry(i).op() + ", term "
                                + b.termAt(i) + ")";
                    }
                }
                return null;
            }
        }
        return null;
    }

    @Override
    public Verdict verdict() {
        return violation != null ? violation : Verdict.holds(NAME, "wherever two logs agree on an entry's term, they agree on everything up to it");
    }
}
