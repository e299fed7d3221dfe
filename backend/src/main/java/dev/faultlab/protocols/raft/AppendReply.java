package dev.faultlab.protocols.raft;

import dev.faultlab.sim.Message;

/**
 * A follower's answer to {@link AppendEntries}. On success {@code index} is the last index its log now
 * shares with the leader's; on failure it is the highest index the leader may try next (its log is
 * shorter, or does not match at the leader's {@code prevLogIndex}).
 */
public record AppendReply(int term, boolean success, int index) implements Message {
}
