package dev.faultlab.protocols.twophase;

import dev.faultlab.sim.Message;

/** Phase 2a: some participant voted abort or a vote did not arrive in time; the coordinator has logged ABORT. */
public record GlobalAbort() implements Message {
    @Override
    public String type() {
        return "GLOBAL_ABORT";
    }
}
