package dev.faultlab.protocols.pbft;

import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.TraceEvent;

import java.util.BitSet;

/**
 * Which processes are faulty so far, as the monitors read it from the FAULT events: every target of a crash,
 * omission, timing or Byzantine fault (crash-stop: a replica that recovers has lost its state and stays faulty).
 */
final class FaultyReplicas {
    private final BitSet faulty = new BitSet();

    /** Reads an event; true if it made another process faulty. */
    boolean onEvent(TraceEvent event) {
        if (event.kind() == EventKind.FAULT && event.payload() instanceof Fault fault && fault.kind().makesFaulty()
                && !faulty.get(fault.targetNode())) {
            faulty.set(fault.targetNode());
            return true;
        }
        return false;
    }

    boolean faulty(int node) {
        return faulty.get(node);
    }

    /** How many of processes 0 to {@code replicas} - 1 are faulty. */
    int among(int replicas) {
        return faulty.get(0, replicas).cardinality();
    }
}
