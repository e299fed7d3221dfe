package dev.faultlab.protocols.paxos;

import dev.faultlab.sim.Message;

/** A server noticed by the timestamps that it missed {@code from} to {@code to} and asks the leader again. */
public record Missed(int from, int to) implements Message {
    @Override
    public String type() {
        return "MISSED";
    }
}
