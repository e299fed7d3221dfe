package dev.faultlab.protocols.rpc;

import dev.faultlab.sim.Message;

/** The server killed the computation of attempt {@code attempt} of call {@code seq}, and says why. */
public record Aborted(int seq, int attempt, String reason) implements Message {
    @Override
    public String type() {
        return "ABORTED";
    }
}
