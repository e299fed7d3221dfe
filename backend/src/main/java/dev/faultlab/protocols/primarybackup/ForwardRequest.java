package dev.faultlab.protocols.primarybackup;

/** Active replication: the client's request, to be executed by the backup as the {@code position}-th update. */
public record ForwardRequest(int position, int client, int seq, String op) implements Sync {
}
