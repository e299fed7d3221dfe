package dev.faultlab.protocols.voting;

import dev.faultlab.sim.Message;

/** A replica's answer to the voter; null when a Byzantine-model replica found no majority to agree on. */
public record Answer(Integer value) implements Message {
    @Override
    public String type() {
        return "ANSWER";
    }
}
