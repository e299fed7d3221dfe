package dev.faultlab.protocols.omcast;

import dev.faultlab.sim.Message;

/** ISIS: a member proposes the sequence number {@code seq} for the multicast {@code id}, back to its origin. */
public record Proposal(MsgId id, long seq) implements Message, Carrying {
    @Override
    public String type() {
        return "PROPOSE";
    }
}
