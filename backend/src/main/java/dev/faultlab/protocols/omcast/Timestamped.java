package dev.faultlab.protocols.omcast;

import dev.faultlab.sim.Message;

/** A multicast with its origin's Lamport timestamp (totally ordered multicast with acknowledgements). */
public record Timestamped(MsgId id, long time) implements Message, Carrying {
    @Override
    public String type() {
        return "MULTICAST";
    }
}
