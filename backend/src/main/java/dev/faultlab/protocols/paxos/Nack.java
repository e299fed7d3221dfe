package dev.faultlab.protocols.paxos;

import dev.faultlab.sim.Message;

/** The acceptor refuses {@code ballot}: it has promised the higher {@code promised}. */
public record Nack(int ballot, int promised) implements Message {
    @Override
    public String type() {
        return "NACK";
    }
}
