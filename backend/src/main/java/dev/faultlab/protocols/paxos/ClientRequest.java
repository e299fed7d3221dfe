package dev.faultlab.protocols.paxos;

import dev.faultlab.sim.Message;

/** A client asks for {@code op}; the same request is retransmitted with the same operation. */
public record ClientRequest(Op op) implements Message {
    @Override
    public String type() {
        return "REQUEST";
    }
}
