package dev.faultlab.protocols.voting;

import dev.faultlab.sim.Message;

/** The client's request: square this number. */
public record ServiceRequest(int input) implements Message {
    @Override
    public String type() {
        return "REQUEST";
    }
}
