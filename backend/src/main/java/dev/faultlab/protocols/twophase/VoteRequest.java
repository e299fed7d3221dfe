package dev.faultlab.protocols.twophase;

import dev.faultlab.sim.Message;

/** Phase 1a: the coordinator asks every participant to vote (sent again after the coordinator recovers in WAIT). */
public record VoteRequest() implements Message {
    @Override
    public String type() {
        return "VOTE_REQUEST";
    }
}
