package dev.faultlab.protocols.twophase;

import dev.faultlab.sim.Message;

/** The answer to DECISION_REQUEST: the replying participant's state, read by the asker through the recovery table. */
public record DecisionReply(State state) implements Message {
    @Override
    public String type() {
        return "DECISION_REPLY";
    }
}
