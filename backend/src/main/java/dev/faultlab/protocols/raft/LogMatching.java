package dev.faultlab.protocols.raft;

import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.States;
import dev.faultlab.sim.TraceEvent;

import java.util.List;

/**
 * Log matching: if two logs hold an entry with the same index and term, they are identical up to and
 * including it. Checked again for a server whenever its log changed, against every other log.
 */
public final class LogMatching implements Monitor {
    public static final String NAME = "log matching";

    private final Cluster cluster;
    private Violation violation;

    LogMatching(Cluster cluster) {
        this.cluster = cluster;
    }

    @Override
    public String property() {
        return NAME;
    }

    @Override
    public void onEvent(TraceEvent event, States states) {
        List<Integer> changed = cluster.onEvent(event, states);
        if (violation != null) {
            return;
        }
        List<ServerSnapshot> servers = cluster.servers();
        for (int a : changed) {
            for (int b = 0; b < servers.size(); b++) {
                if (b == a || changed.contains(b) && b < a) {
                    continue;
                }
                String problem = mismatch(servers.get(Math.min(a, b)).log(), servers.get(Math.max(a, b)).log());
                if (problem != null) {
                    violation = new Violation(NAME, event.seq(), ProcessLabel.of(Math.min(a, b)) + " and "
                            + ProcessLabel.of(Math.max(a, b)) + ": " + problem, List.of(event.seq()));
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
    public Violation violation() {
        return violation;
    }

    @Override
    public String holding() {
        return "wherever two logs agree on an entry's term, they agree on everything up to it";
    }
}
