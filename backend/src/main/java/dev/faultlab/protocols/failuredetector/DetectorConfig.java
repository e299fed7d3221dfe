package dev.faultlab.protocols.failuredetector;

/**
 * A run's settings: {@code n} processes each send a heartbeat every {@code period} ticks and suspect a peer
 * silent for its timeout, which starts at {@code timeout} and grows by {@code increase} with every late
 * heartbeat; nothing is sent or watched after {@code runFor}. {@code settle} is how long after the global
 * stabilisation time the eventual-accuracy monitor gives the detectors before no false suspicion may stand.
 */
public record DetectorConfig(int n, int period, int timeout, int increase, int runFor, int settle) {

    /** The timeout for a peer after {@code late} late heartbeats from it (the slide: each one raises t). */
    public long timeoutAfter(int late) {
        return timeout + (long) increase * late;
    }
}
