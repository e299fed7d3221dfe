package dev.faultlab.protocols.rpc;

import dev.faultlab.sim.Message;

/** Expiration: the waiting client asks for more time for attempt {@code attempt} of call {@code seq}. */
public record Extend(int seq, int attempt) implements Message {
    @Override
    public String type() {
        return "EXTEND";
    }
}
