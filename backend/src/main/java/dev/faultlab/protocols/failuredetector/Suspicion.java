package dev.faultlab.protocols.failuredetector;

/**
 * A suspicion as it was raised: {@code observer} suspected {@code suspected} at event {@code seq} (time
 * {@code time}); {@code falseSuspicion}: the suspected process had not crashed.
 */
public record Suspicion(int observer, int suspected, int seq, long time, boolean falseSuspicion) {
}
