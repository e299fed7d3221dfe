package dev.faultlab.protocols.paxos;

/** An acceptor accepted {@code op} for {@code slot} under proposal number {@code ballot}. */
public record Vote(int slot, int ballot, Op op) {
}
