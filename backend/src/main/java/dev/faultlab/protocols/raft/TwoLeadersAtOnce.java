package dev.faultlab.protocols.raft;

import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.check.Verdict;

import java.util.List;

/**
 * Not a safety property but a situation Raft allows: two servers that both believe they lead, in
 * different terms (a stale leader cut off by a partition, and the one the majority elected after it).
 * Holds once it was seen.
 */
public final class TwoLeadersAtOnce implements ClusterMonitor {
    public static final String NAME = "two leaders at once";

    private Verdict seen;

    @Override
    public void observe(Step step) {
        if (seen != null) {
            return;
        }
        for (ServerSnapshot a : step.servers()) {
            for (ServerSnapshot b : step.servers()) {
                if (a.leader() && b.leader() && a.term() < b.term()) {
                    seen = Verdict.holds(NAME, "at t=" + step.time() + " " + ProcessLabel.of(a.id()) + " was still leader of term " + a.term()
                            + " while " + ProcessLabel.of(b.id()) + " was leader of term " + b.term());
                    return;
                }
            }
        }
    }

    @Override
    public Verdict verdict() {
        return seen != null ? seen : Verdict.violated(NAME, "there were never two leaders of different terms at the same time", List.of());
    }
}
