package dev.faultlab.protocols.twophase;

import dev.faultlab.sim.Message;

/** A participant has its decision; also re-sent by a participant that recovers in COMMIT or ABORT. */
public record Ack(State decision) implements Message {
    @Override
    public String type() {
        return "ACK";
    }
}
