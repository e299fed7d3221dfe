package dev.faultlab.protocols.voting;

import dev.faultlab.sim.Message;

/** A separate voter's result, sent to the client; null when the vote gave none. */
public record Verdict(Integer value) implements Message {
    @Override
    public String type() {
        return "VOTE";
    }
}
