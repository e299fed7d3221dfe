package dev.faultlab.protocols.twophase;

import dev.faultlab.sim.Message;

/** A participant in READY that heard nothing from the coordinator asks another participant for its state. */
public record DecisionRequest() implements Message {
    @Override
    public String type() {
        return "DECISION_REQUEST";
    }
}
