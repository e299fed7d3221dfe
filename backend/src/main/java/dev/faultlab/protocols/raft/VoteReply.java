package dev.faultlab.protocols.raft;

import dev.faultlab.sim.Message;

/** The answer to a {@link RequestVote}: the voter's term, and whether it gave its vote. */
public record VoteReply(int term, boolean granted) implements Message {
}
