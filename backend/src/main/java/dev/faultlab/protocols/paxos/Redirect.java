package dev.faultlab.protocols.paxos;

import dev.faultlab.sim.Message;

/** "I am not the leader, {@code leader} is": the client retransmits request {@code seq} there. */
public record Redirect(int seq, int leader) implements Message {
    @Override
    public String type() {
        return "REDIRECT";
    }
}
