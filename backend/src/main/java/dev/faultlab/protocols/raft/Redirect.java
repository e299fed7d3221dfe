package dev.faultlab.protocols.raft;

import dev.faultlab.sim.Message;

/** "I am not the leader": the server's guess at the leader, or -1 if it knows none. */
public record Redirect(int seq, int leader) implements Message {
}
