package dev.faultlab.protocols.rpc;

import dev.faultlab.sim.Message;

/** The client looks for the server (binding) before its first call. */
public record Locate() implements Message {
    @Override
    public String type() {
        return "LOCATE";
    }
}
