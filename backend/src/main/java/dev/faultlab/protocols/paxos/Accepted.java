package dev.faultlab.protocols.paxos;

import dev.faultlab.sim.Message;

/** Phase 2b: the acceptor accepted {@code op} for {@code slot} under {@code ballot}; sent to the proposer and the learners. */
public record Accepted(int ballot, int slot, Op op) implements Message, Acceptance {
    @Override
    public String type() {
        return "ACCEPTED";
    }
}
