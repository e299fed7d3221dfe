package dev.faultlab.protocols.paxos;

/** A server holds {@code op} at timestamp {@code t}, accepted from the leader of {@code regime} (-1 without ids). */
public record Slot(int t, Op op, int regime) {
}
