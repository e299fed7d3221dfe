package dev.faultlab.protocols.omcast;

import dev.faultlab.sim.Message;

/** A multicast with the vector timestamp of its origin (causal; causal-total, to the sequencer). */
public record Stamped(MsgId id, VectorClock stamp) implements Message, Carrying {
    @Override
    public String type() {
        return "MULTICAST";
    }
}
