package dev.faultlab.protocols.raft;

import dev.faultlab.sim.Message;

/** A candidate asks for a vote in {@code term}, stating how up to date its log is. */
public record RequestVote(int term, int candidate, int lastLogIndex, int lastLogTerm) implements Message {
}
