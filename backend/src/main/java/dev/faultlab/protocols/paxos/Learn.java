package dev.faultlab.protocols.paxos;

import dev.faultlab.sim.Message;

/** LEARN(o, t): the sender holds {@code op} at timestamp {@code t}, accepted in {@code regime} (-1 without ids). */
public record Learn(Op op, int t, int regime) implements Message, Acceptance {
    @Override
    public String type() {
        return "LEARN";
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
