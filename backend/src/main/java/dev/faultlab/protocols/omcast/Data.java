package dev.faultlab.protocols.omcast;

import dev.faultlab.sim.Message;

/** A multicast as its origin sends it to the group (unordered, FIFO, ISIS) or to a sequencer (fixed and moving sequencer). */
public record Data(MsgId id) implements Message, Carrying {
    @Override
    public String type() {
        return "MULTICAST";
    }
}
