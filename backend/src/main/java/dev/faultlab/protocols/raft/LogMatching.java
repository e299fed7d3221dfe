package dev.faultlab.protocols.raft;

import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.check.Verdict;

import java.util.List;

/**
 * Log matching: if two logs hold an entry with the same index and term, they are identical up to and
 * including it. Checked again whenever a log changed.
 */
public final class LogMatching implements ClusterMonitor {
    public static final String NAME = "log matching";

    private List<List<Entry>> previous = List.of();
    private Verdict violation;

    @Override
    public void observe(Step step) {
        List<List<Entry>> logs = step.servers().stream().map(ServerSnapshot::log).toList();
        if (violation != null || logs.equals(previous)) {
            return;
        }
        previous = logs;
        for (int a = 0; a < logs.size(); a++) {
            for (int b = a + 1; b < logs.size(); b++) {
                String problem = mismatch(logs.get(a), logs.get(b));
                if (problem != null) {
                    violation = Verdict.violated(NAME, ProcessLabel.of(a) + " and " + ProcessLabel.of(b) + ": " + problem, List.of(step.seq()));
                    return;
                }
            }
        }
    }

    /** Null if the logs match; else what differs below the highest index where their terms agree. */
    static String mismatch(List<Entry> a, List<Entry> b) {
        for (int index = Math.min(a.size(), b.size()); index >= 1; index--) {
            if (Logs.termAt(a, index) == Logs.termAt(b, index)) {
                for (int i = index; i >= 1; i--) {
                    if (!Logs.entry(a, i).equals(Logs.entry(b, i))) {
                        return "both hold an entry of term " + Logs.termAt(a, index) + " at index " + index + " but differ at index "
                                + i + " (" + StateMachineSafety.describe(Logs.entry(a, i)) + " vs "
                                + StateMachineSafety.describe(Logs.entry(b, i)) + ")";
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
