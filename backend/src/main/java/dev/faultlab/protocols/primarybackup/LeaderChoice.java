package dev.faultlab.protocols.primarybackup;

/** Semi-active replication: the request and the number the leader drew for it, which followers use instead of drawing. */
public record LeaderChoice(int position, int client, int seq, String op, int choice) implements Sync {
}
