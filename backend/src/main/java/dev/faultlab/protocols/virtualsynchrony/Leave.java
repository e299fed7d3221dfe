package dev.faultlab.protocols.virtualsynchrony;

import dev.faultlab.sim.Message;

/** A member asks to leave the group; the coordinator answers with a view change. */
public record Leave() implements Message {
    @Override
    public String type() {
        return "LEAVE";
    }
}
