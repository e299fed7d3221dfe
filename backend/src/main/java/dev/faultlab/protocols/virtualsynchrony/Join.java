package dev.faultlab.protocols.virtualsynchrony;

import dev.faultlab.sim.Message;

/** A process outside the group asks to join it; the coordinator answers with a view change. */
public record Join() implements Message {
    @Override
    public String type() {
        return "JOIN";
    }
}
