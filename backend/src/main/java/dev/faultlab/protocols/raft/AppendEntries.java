package dev.faultlab.protocols.raft;

import dev.faultlab.sim.Message;

import java.util.List;

/**
 * The leader's replication message and heartbeat: the entries after {@code prevLogIndex} (none for a
 * bare heartbeat), the term of the entry before them so the follower can check that its log matches up
 * to there, and the leader's commit index so followers commit what the leader has committed.
 */
public record AppendEntries(int term, int leader, int prevLogIndex, int prevLogTerm, List<Entry> entries,
                            int leaderCommit) implements Message {
}
