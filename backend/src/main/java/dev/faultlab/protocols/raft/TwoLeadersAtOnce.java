package dev.faultlab.protocols.raft;

import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.States;
import dev.faultlab.sim.TraceEvent;

import java.util.List;

/**
 * Not a safety property but a situation Raft allows, which a lab asks for: two servers that both believe they
 * lead, in different terms (a stale leader cut off by a partition, and the one the majority elected after it).
 * Holds once it was seen; judged at the end, when it fails if it never happened.
 */
public final class TwoLeadersAtOnce implements Monitor {
    public static final String NAME = "two leaders at once";

    private final Cluster cluster;
    private String seen;
    private Violation never;

    TwoLeadersAtOnce(Cluster cluster) {
        this.cluster = cluster;
    }

    @Override
    public String property() {
        return NAME;
    }

    @Override
    public boolean judgedAtEnd() {
        return true;
    }

    @Override
    public void onEvent(TraceEvent event, States states) {
        boolean changed = !cluster.onEvent(event, states).isEmpty();
        if (event.kind() == EventKind.END && seen == null) {
            never = new Violation(NAME, event.seq(), "there were never two leaders of different terms at the same time", List.of());
        }
        if (seen != null || !changed) {
            return;
        }
        for (ServerSnapshot a : cluster.servers()) {
            for (ServerSnapshot b : cluster.servers()) {
                if (a.leader() && b.leader() && a.term() < b.term()) {
                    seen = "at t=" + event.time() + " " + ProcessLabel.of(a.id()) + " was still leader of term " + a.term()
                            + " while " + ProcessLabel.of(b.id()) + " was leader of term " + b.term();
                    return;
                }
            }
        }
    }

    @Override
    public Violation violation() {
        return never;
    }

    @Override
    public String holding() {
        return seen != null ? seen : "two leaders of different terms have not been seen yet";
    }
}
