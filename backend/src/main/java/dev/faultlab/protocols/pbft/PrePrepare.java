package dev.faultlab.protocols.pbft;

import dev.faultlab.sim.Message;

/** PRE-PREPARE(t, v, o): the primary of view {@code view} gives operation {@code op} the timestamp {@code t}. */
public record PrePrepare(int view, int t, Operation op) implements Message {
    @Override
    public String type() {
        return "PRE-PREPARE";
    }
}
