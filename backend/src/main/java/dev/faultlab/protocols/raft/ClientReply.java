package dev.faultlab.protocols.raft;

import dev.faultlab.sim.Message;

/** The leader tells a client its request {@code seq} is committed, at log {@code index}. */
public record ClientReply(int seq, int index) implements Message {
}
