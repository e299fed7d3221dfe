package dev.faultlab.protocols.flp;

import dev.faultlab.sim.Message;

/** Phase 1 of a round: the sender's current estimate. */
public record Report(int round, int value) implements Message {
    @Override
    public String type() {
        return "REPORT";
    }
}
