package dev.faultlab.protocols.virtualsynchrony;

import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.TraceEvent;

import java.util.BitSet;
import java.util.List;

/** Who is faulty so far under crash-stop, read from FAULT events as {@code Simulation.faultyNodes()} reads them. */
final class CrashStop {
    private final BitSet faulty = new BitSet();

    void onEvent(TraceEvent event) {
        if (event.kind() == EventKind.FAULT && event.payload() instanceof Fault fault && fault.kind().makesFaulty()) {
            faulty.set(fault.targetNode());
        }
    }

    boolean allCorrect(List<Integer> nodes) {
        return nodes.stream().noneMatch(faulty::get);
    }
}
