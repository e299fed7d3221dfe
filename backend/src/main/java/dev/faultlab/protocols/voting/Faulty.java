package dev.faultlab.protocols.voting;

import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.TraceEvent;

import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/** The processes a run has made faulty so far, read from its FAULT events as a monitor meets them. */
final class Faulty {
    private static final Set<FaultKind> MAKE_FAULTY = EnumSet.of(FaultKind.CRASH, FaultKind.SEND_OMISSION,
            FaultKind.RECEIVE_OMISSION, FaultKind.TIMING, FaultKind.BYZANTINE);

    private final Set<Integer> nodes = new TreeSet<>();

    void read(TraceEvent event) {
        if (event.kind() == EventKind.FAULT && event.payload() instanceof Fault fault && MAKE_FAULTY.contains(fault.kind())
                && fault.target() != null) {
            nodes.add(fault.target());
        }
    }

    boolean contains(int node) {
        return nodes.contains(node);
    }
}
