package dev.faultlab.check;

import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.FailureModel;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.TraceEvent;

import java.util.BitSet;

/**
 * Which processes are faulty so far, read from the events as a monitor sees them, by the same rule as
 * {@code Simulation.faultyNodes()}: under crash-stop every target of a crash, omission, timing or Byzantine
 * fault; under crash-recovery a crash counts only while the process is down.
 */
final class FaultyProcesses {
    private final FailureModel model;
    private final BitSet hit = new BitSet();
    private final BitSet hitBesidesCrash = new BitSet();
    private final BitSet down = new BitSet();

    FaultyProcesses(FailureModel model) {
        this.model = model;
    }

    void onEvent(TraceEvent event) {
        if (event.kind() == EventKind.FAULT && event.payload() instanceof Fault fault && fault.kind().makesFaulty()) {
            hit.set(fault.targetNode());
            if (fault.kind() != FaultKind.CRASH) {
                hitBesidesCrash.set(fault.targetNode());
            }
        } else if (event.kind() == EventKind.CRASH) {
            down.set(event.node());
        } else if (event.kind() == EventKind.RECOVER) {
            down.clear(event.node());
        }
    }

    boolean faulty(int node) {
        return model == FailureModel.CRASH_STOP ? hit.get(node) : hitBesidesCrash.get(node) || down.get(node);
    }
}
