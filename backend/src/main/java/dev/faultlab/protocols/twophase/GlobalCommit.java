package dev.faultlab.protocols.twophase;

import dev.faultlab.sim.Message;

/** Phase 2a: every participant voted commit; the coordinator has logged COMMIT. */
public record GlobalCommit() implements Message {
    @Override
    public String type() {
        return "GLOBAL_COMMIT";
    }
}
