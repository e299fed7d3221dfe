package dev.faultlab.protocols.failuredetector;

import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.States;
import dev.faultlab.sim.TraceEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts false suspicions: a process suspecting one that has not crashed (a slow process or a late heartbeat
 * looks exactly like a crash to a timeout). Red from the first one; the count in its explanation keeps growing
 * with every further one, so a run where they never stop shows it.
 */
public final class FalseSuspicions implements Monitor {
    public static final String NAME = "no false suspicions";
    /** Witnesses listed: the first ones, so a run with thousands keeps a short verdict. */
    private static final int WITNESSES = 10;

    private final Suspicions board;
    private final List<Integer> witnesses = new ArrayList<>();
    private int count;
    private String first;
    private String last;
    private int firstSeq;
    private Violation violation;

    FalseSuspicions(DetectorConfig config) {
        this.board = new Suspicions(config);
    }

    @Override
    public String property() {
        return NAME;
    }

    @Override
    public void onEvent(TraceEvent event, States states) {
        Suspicion raised = board.read(event);
        if (raised == null || !raised.falseSuspicion()) {
            return;
        }
        count++;
        String what = ProcessLabel.of(raised.observer()) + " suspected " + ProcessLabel.of(raised.suspected()) + " at t=" + raised.time();
        if (first == null) {
            first = what;
            firstSeq = raised.seq();
        }
        last = what;
        if (witnesses.size() < WITNESSES) {
            witnesses.add(raised.seq());
        }
        violation = new Violation(NAME, firstSeq, count + (count == 1 ? " false suspicion: " : " false suspicions, the first: ") + first
                + " though it had not crashed" + (count == 1 ? "" : "; the latest: " + last), witnesses);
    }

    /** How many false suspicions the events read so far hold. */
    public int count() {
        return count;
    }

    @Override
    public Violation violation() {
        return violation;
    }

    @Override
    public String holding() {
        return "every suspicion so far is of a process that had crashed";
    }
}
