package dev.faultlab.protocols.virtualsynchrony;

import dev.faultlab.sim.Message;

/** The coordinator's view-change message: the proposal of the next view. */
public record ViewChange(Proposal proposal) implements Message {
    @Override
    public String type() {
        return "VIEW_CHANGE";
    }
}
