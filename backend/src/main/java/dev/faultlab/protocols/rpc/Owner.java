package dev.faultlab.protocols.rpc;

import dev.faultlab.sim.Message;

/** A client's answer to {@link WhoOwns}: whether it waits for that attempt of the call. */
public record Owner(int seq, int attempt, boolean waiting) implements Message {
    @Override
    public String type() {
        return "OWNER";
    }
}
