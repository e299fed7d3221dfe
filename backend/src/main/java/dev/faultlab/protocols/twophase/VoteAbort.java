package dev.faultlab.protocols.twophase;

import dev.faultlab.sim.Message;

/** Phase 1b: the participant cannot commit (or gave up waiting in INIT) and has aborted. */
public record VoteAbort() implements Message {
    @Override
    public String type() {
        return "VOTE_ABORT";
    }
}
