package dev.faultlab.protocols.primarybackup;

import dev.faultlab.sim.Message;

/** The primary's "I'm alive" message, sent to every other server each heartbeat period. */
public record Alive() implements Message {
    @Override
    public String type() {
        return "I_AM_ALIVE";
    }
}
