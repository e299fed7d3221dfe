package dev.faultlab.protocols.paxos;

import dev.faultlab.sim.Message;

/** Phase 2a: the proposer asks the acceptors to accept {@code op} for {@code slot} under {@code ballot}. */
public record Propose(int ballot, int slot, Op op) implements Message {
    @Override
    public String type() {
        return "ACCEPT";
    }
}
