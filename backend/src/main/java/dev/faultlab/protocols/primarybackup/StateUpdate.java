package dev.faultlab.protocols.primarybackup;

/** Passive replication: the value x took at the primary with its {@code position}-th update. */
public record StateUpdate(int position, int client, int seq, String op, int value) implements Sync {
}
