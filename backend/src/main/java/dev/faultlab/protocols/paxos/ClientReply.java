package dev.faultlab.protocols.paxos;

import dev.faultlab.sim.Message;

/** A server executed the client's request {@code seq} at {@code t}; every server answers, clients drop duplicates. */
public record ClientReply(int seq, int t) implements Message {
    @Override
    public String type() {
        return "REPLY";
    }
}
