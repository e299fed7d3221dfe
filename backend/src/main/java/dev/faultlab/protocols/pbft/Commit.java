package dev.faultlab.protocols.pbft;

import dev.faultlab.sim.Message;

/** COMMIT(t, v, o): {@code replica} holds a prepare certificate for {@code op} at {@code t} in {@code view}. */
public record Commit(int view, int t, Operation op, int replica) implements Message {
    @Override
    public String type() {
        return "COMMIT";
    }
}
