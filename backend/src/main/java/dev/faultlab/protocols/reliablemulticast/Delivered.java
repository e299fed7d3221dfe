package dev.faultlab.protocols.reliablemulticast;

import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.TraceEvent;

/** A delivery to the application as the trace records it: at {@code node}, message {@code seq} of {@code origin}. */
record Delivered(int node, int origin, int seq, int event) {
    /** The delivery an event records, or null for any other event. */
    static Delivered of(TraceEvent event) {
        if (event.kind() == EventKind.OUTPUT && event.payload() instanceof Output.Deliver deliver
                && deliver.message() instanceof Payload payload) {
            return new Delivered(event.node(), deliver.origin(), payload.seq(), event.seq());
        }
        return null;
    }

    String label() {
        return Payload.label(origin, seq);
    }

    long key() {
        return ((long) origin << 32) | seq;
    }
}
