package dev.faultlab.protocols.virtualsynchrony;

import dev.faultlab.sim.Message;

/** The sender has received {@code id} of view {@code view}: once every member has, the message is stable. */
public record Ack(MessageId id, int view) implements Message {
    @Override
    public String type() {
        return "ACK";
    }
}
