package dev.faultlab.protocols.rpc;

import dev.faultlab.sim.ProcessLabel;

/** A call as the client numbers it: every attempt of it shares the sequence number. */
public record CallId(int client, int seq) implements Comparable<CallId> {
    @Override
    public int compareTo(CallId other) {
        return client != other.client ? Integer.compare(client, other.client) : Integer.compare(seq, other.seq);
    }

    @Override
    public String toString() {
        return "call #" + seq + " of " + ProcessLabel.of(client);
    }
}
