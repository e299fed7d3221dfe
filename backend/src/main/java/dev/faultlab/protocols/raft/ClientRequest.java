package dev.faultlab.protocols.raft;

import dev.faultlab.sim.Message;

/** A client asks the cluster to carry out {@code op}; {@code seq} numbers its requests from 1. */
public record ClientRequest(int client, int seq, String op) implements Message {
}
