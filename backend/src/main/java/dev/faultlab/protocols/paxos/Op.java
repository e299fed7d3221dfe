package dev.faultlab.protocols.paxos;

/**
 * An operation to execute: request {@code seq} of the client process {@code client}, or the no-op a new leader
 * puts where no server holds anything. Two operations are the same when all three fields are.
 */
public record Op(int client, int seq, String command) {
    /** Fills a timestamp that a deposed leader assigned but nobody still holds. */
    public static final Op NOOP = new Op(-1, 0, "no-op");

    public boolean fromClient() {
        return client >= 0;
    }

    @Override
    public String toString() {
        return command;
    }
}
