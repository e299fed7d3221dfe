package dev.faultlab.protocols.checkpointing;

import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.States;
import dev.faultlab.sim.TraceEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * The state after a recovery is a consistent cut: once the recovery is over (every process up and back at work),
 * no process's state has received a message that its sender's state never sent, an orphan message. Judged at the
 * first such moment after each recovery, on the states the inspector shows.
 */
public final class ConsistentAfterRecovery implements Monitor {
    public static final String NAME = "consistent state after recovery";

    private final CutCheck check = new CutCheck();
    private boolean pending;
    private int recoveries;
    private Violation violation;

    @Override
    public String property() {
        return NAME;
    }

    @Override
    public void onEvent(TraceEvent event, States states) {
        check.read(event);
        if (event.kind() == EventKind.RECOVER) {
            pending = true;
        }
        if (violation != null || !pending || !settled(states)) {
            return;
        }
        pending = false;
        recoveries++;
        List<CutCheck.Picture> pictures = new ArrayList<>();
        for (int node = 0; node < states.count(); node++) {
            pictures.add(CutCheck.of(states.state(node)));
        }
        CutCheck.Orphan orphan = check.orphan(pictures);
        if (orphan != null) {
            List<Integer> witnesses = new ArrayList<>(orphan.witnesses());
            witnesses.add(event.seq());
            violation = new Violation(NAME, event.seq(), orphan.explain("after the recovery"), witnesses);
        }
    }

    /** Every process is up and working: no recovery is under way and no checkpoint round holds anyone. */
    private static boolean settled(States states) {
        for (int node = 0; node < states.count(); node++) {
            if (!states.up(node) || !Phase.NORMAL.id().equals(states.state(node).get("phase"))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Violation violation() {
        return violation;
    }

    @Override
    public String holding() {
        return recoveries == 0 ? (pending ? "a recovery is under way" : "no process has recovered yet")
                : "after each of the " + recoveries + " recoveries every message a process had received was sent by its sender's state";
    }
}
