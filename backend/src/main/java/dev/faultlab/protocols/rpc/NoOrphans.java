package dev.faultlab.protocols.rpc;

import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.States;
import dev.faultlab.sim.TraceEvent;

import java.util.List;

/**
 * No orphan runs to its end: a computation whose client crashed after sending the request must be killed before
 * the server carries it out (wasted work, and a confusing reply for the rebooted client). A remedy for orphans
 * keeps it; without one it fails as soon as an orphan finishes.
 */
public final class NoOrphans implements Monitor {
    public static final String NAME = "no orphan runs on";

    private final Computations computations = new Computations();
    private Violation violation;
    private int killed;

    @Override
    public String property() {
        return NAME;
    }

    @Override
    public void onEvent(TraceEvent event, States states) {
        Computations.Ended ended = computations.read(event);
        if (ended == null || !ended.orphan() || violation != null) {
            return;
        }
        if (ended.killed()) {
            killed++;
            return;
        }
        violation = new Violation(NAME, event.seq(), "the server carried out " + ended.key() + " at t=" + event.time()
                + ", an orphan: its client had crashed after sending it", List.of(ended.started(), ended.orphanedBy(), event.seq()));
    }

    @Override
    public Violation violation() {
        return violation;
    }

    @Override
    public String holding() {
        return killed == 0 ? "no orphan ran to its end" : "every orphan was killed before it finished (" + killed + " killed)";
    }
}
