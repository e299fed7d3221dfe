package dev.faultlab.protocols.rpc;

import dev.faultlab.sim.Message;

/** Gentle reincarnation: the server asks a client whether it still waits for attempt {@code attempt} of call {@code seq}. */
public record WhoOwns(int seq, int attempt) implements Message {
    @Override
    public String type() {
        return "FIND_OWNER";
    }
}
