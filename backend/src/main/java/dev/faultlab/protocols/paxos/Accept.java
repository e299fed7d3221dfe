package dev.faultlab.protocols.paxos;

import dev.faultlab.sim.Message;

/**
 * ACCEPT(o, t): the leader assigns timestamp {@code t} to {@code op}. It carries the leader's id and its regime
 * (how many successions led to it) unless the unsafe variant leaves them out; then both are -1. Sending it means
 * the leader holds the operation itself.
 */
public record Accept(Op op, int t, int leader, int regime) implements Message, Acceptance {
    @Override
    public String type() {
        return "ACCEPT";
    }

    @Override
    public int slot() {
        return t;
    }

    @Override
    public int ballot() {
        return regime;
    }
}
