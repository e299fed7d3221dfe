package dev.faultlab.protocols.pbft;

import dev.faultlab.sim.Message;

/** PREPARE(t, v, o): backup {@code replica} accepted the primary's pre-prepare of {@code op} at {@code t} in {@code view}. */
public record Prepare(int view, int t, Operation op, int replica) implements Message {
    @Override
    public String type() {
        return "PREPARE";
    }
}
