package dev.faultlab.protocols.twophase;

import dev.faultlab.sim.Message;

/** Phase 1b: the participant can commit and is now READY. */
public record VoteCommit() implements Message {
    @Override
    public String type() {
        return "VOTE_COMMIT";
    }
}
