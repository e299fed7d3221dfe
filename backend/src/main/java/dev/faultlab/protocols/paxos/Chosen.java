package dev.faultlab.protocols.paxos;

import dev.faultlab.sim.Message;

/**
 * The leader answers a server that missed messages: it executed {@code op} at {@code t}, which it does only once
 * a majority holds it, so the receiver may execute it too.
 */
public record Chosen(Op op, int t) implements Message {
    @Override
    public String type() {
        return "CHOSEN";
    }
}
