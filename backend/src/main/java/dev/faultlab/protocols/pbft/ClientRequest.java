package dev.faultlab.protocols.pbft;

import dev.faultlab.sim.Message;

/** A client asks the replicated service to execute an operation; sent signed by the client. */
public record ClientRequest(Operation op) implements Message {
    @Override
    public String type() {
        return "REQUEST";
    }
}
