package dev.faultlab.protocols.reliablemulticast;

import dev.faultlab.sim.Message;

/** A positive acknowledgement: the receiver holds message {@code seq} of {@code origin}. */
public record Ack(int origin, int seq) implements Message {
    @Override
    public String type() {
        return "ACK";
    }
}
