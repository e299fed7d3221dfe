package dev.faultlab.protocols.failuredetector;

import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.NetworkSpec;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.States;
import dev.faultlab.sim.TraceEvent;

import java.util.List;

/**
 * Eventual accuracy under partial synchrony: once the run has been synchronous (past its GST, see
 * {@link Synchrony}) for {@code settle} ticks, no process that is up suspects another that is up. Before that,
 * false suspicions are allowed: the detectors cannot tell slow from crashed, and learn the right timeout from
 * their mistakes. A run with no GST promises nothing.
 */
public final class EventualAccuracy implements Monitor {
    public static final String NAME = "eventual accuracy";

    private final Suspicions board;
    private final Synchrony synchrony;
    private final long settle;
    private Violation violation;

    EventualAccuracy(DetectorConfig config, NetworkSpec network) {
        this.board = new Suspicions(config);
        this.synchrony = new Synchrony(network);
        this.settle = config.settle();
    }

    @Override
    public String property() {
        return NAME;
    }

    @Override
    public void onEvent(TraceEvent event, States states) {
        board.read(event);
        synchrony.read(event);
        long gst = synchrony.gst();
        if (violation != null || gst == Synchrony.NEVER || event.time() < gst + settle) {
            return;
        }
        int[] pair = board.falsePair();
        if (pair != null) {
            int seq = board.suspectSeq(pair[0], pair[1]);
            violation = new Violation(NAME, event.seq(), ProcessLabel.of(pair[0]) + " suspects " + ProcessLabel.of(pair[1])
                    + " at t=" + event.time() + " though " + ProcessLabel.of(pair[1]) + " is up and the run has been synchronous since GST t="
                    + gst + ", more than " + settle + " ticks", seq == event.seq() ? List.of(seq) : List.of(seq, event.seq()));
        }
    }

    @Override
    public Violation violation() {
        return violation;
    }

    @Override
    public String holding() {
        long gst = synchrony.gst();
        if (gst == Synchrony.NEVER) {
            return "no GST yet (" + synchrony.whyAsynchronous() + "), so false suspicions are still allowed";
        }
        return "GST is t=" + gst + "; from t=" + (gst + settle) + " on, no process that is up has been suspected";
    }
}
