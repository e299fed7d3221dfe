package dev.faultlab.protocols.omcast;

import dev.faultlab.sim.Message;

/** A member acknowledges, to everyone, that it has the multicast {@code id} in its queue; {@code time}: its Lamport clock. */
public record Ack(MsgId id, long time) implements Message, Carrying {
    @Override
    public String type() {
        return "ACK";
    }
}
