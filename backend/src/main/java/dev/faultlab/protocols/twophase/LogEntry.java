package dev.faultlab.protocols.twophase;

/** One record of the write-ahead log: the process entered {@code state} at virtual time {@code time}. */
public record LogEntry(long time, State state) {
}
