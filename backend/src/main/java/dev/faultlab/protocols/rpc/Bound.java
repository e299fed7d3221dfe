package dev.faultlab.protocols.rpc;

import dev.faultlab.sim.Message;

/** The server answers a {@link Locate}: the client may call it. */
public record Bound() implements Message {
    @Override
    public String type() {
        return "BOUND";
    }
}
